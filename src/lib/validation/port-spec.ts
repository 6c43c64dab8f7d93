/** Port rules of the OVHcloud IP Load Balancer: every port lies in 1–49151 (49152+ are reserved by the LB). */
export const MIN_PORT = 1;
export const MAX_PORT = 49151;

export interface PortRange {
  from: number;
  to: number;
}

/** A single port number (farm, server, probe port). Returns an English error message or null. */
export function validatePort(port: unknown, label = 'Port'): string | null {
  if (typeof port !== 'number' || !Number.isInteger(port)) return `${label} must be a whole number`;
  if (port < MIN_PORT || port > MAX_PORT) return `${label} must be between ${MIN_PORT} and ${MAX_PORT} (got ${port})`;
  return null;
}

function parsePortNumber(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  return Number(text);
}

/**
 * Parse a frontend port specification: a single port (`443`), an increasing range (`8000-8010`) or a
 * comma-separated list of those (`80,443,8000-8010`). Spaces around items are tolerated.
 * Returns the ranges, or an English error message.
 */
export function parsePortSpec(spec: string): { ranges: PortRange[] } | { error: string } {
  if (typeof spec !== 'string' || spec.trim() === '') return { error: 'Port is required' };
  const ranges: PortRange[] = [];
  for (const rawItem of spec.split(',')) {
    const item = rawItem.trim();
    if (item === '') return { error: `Invalid port list "${spec}": empty item` };
    const parts = item.split('-').map((part) => part.trim());
    if (parts.length > 2) return { error: `Invalid port range "${item}": use "first-last"` };
    const numbers = parts.map(parsePortNumber);
    if (numbers.some((n) => n === null)) return { error: `Invalid port "${item}": ports are whole numbers` };
    const [from, to = from] = numbers as number[];
    for (const port of [from, to] as number[]) {
      if (port < MIN_PORT || port > MAX_PORT) {
        return { error: `Port ${port} is out of range: ports must be between ${MIN_PORT} and ${MAX_PORT}` };
      }
    }
    if (to! <= from! && parts.length === 2) {
      return { error: `Invalid port range "${item}": the first port must be lower than the last one` };
    }
    ranges.push({ from: from!, to: to! });
  }
  return { ranges };
}

/** Frontend port specification (see parsePortSpec). Returns an English error message or null. */
export function validatePortSpec(spec: unknown): string | null {
  if (typeof spec !== 'string') return 'Port must be text such as "443", "8000-8010" or "80,443"';
  const result = parsePortSpec(spec);
  return 'error' in result ? result.error : null;
}

/** True when two port specifications share at least one port. */
export function portSpecsOverlap(a: string, b: string): boolean {
  const left = parsePortSpec(a);
  const right = parsePortSpec(b);
  if ('error' in left || 'error' in right) return false;
  return left.ranges.some((x) => right.ranges.some((y) => x.from <= y.to && y.from <= x.to));
}
