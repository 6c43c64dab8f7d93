import { parsePortSpec } from '@/lib/validation/port-spec';

/** "80, 443, 8000–8080 (83 ports)" for a valid port spec, or the validator's error. */
export function summarizePortSpec(spec: string): { summary: string; count: number } | { error: string } {
  const parsed = parsePortSpec(spec);
  if ('error' in parsed) return parsed;
  const count = parsed.ranges.reduce((total, range) => total + range.to - range.from + 1, 0);
  const parts = parsed.ranges.map((range) => (range.from === range.to ? String(range.from) : `${range.from}–${range.to}`));
  return { summary: `${parts.join(', ')} (${count} ${count === 1 ? 'port' : 'ports'})`, count };
}

/** The first port of a spec, to sort frontends by port. */
export function firstPort(spec: string): number | null {
  const parsed = parsePortSpec(spec);
  return 'error' in parsed ? null : Math.min(...parsed.ranges.map((range) => range.from));
}
