import type { BackendProbe, FarmAvailableProbe } from '@/api/generated';
import { validatePort } from './port-spec';

/**
 * The probe catalogue OVHcloud serves on `GET /availableFarmProbes` (the sandbox serves this one).
 * Forms should prefer the live answer and fall back to this list.
 */
export const standardFarmProbes: readonly FarmAvailableProbe[] = [
  { type: 'http', port: true, url: true, method: ['GET', 'HEAD', 'OPTIONS'], matches: ['default', 'status', 'contains', 'matches'], negatableMatches: ['status', 'contains', 'matches'] },
  { type: 'mysql', port: true, url: false, method: null, matches: ['default'], negatableMatches: [] },
  { type: 'oco', port: false, url: false, method: null, matches: ['default', 'status'], negatableMatches: ['status'] },
  { type: 'pgsql', port: true, url: false, method: null, matches: ['default'], negatableMatches: [] },
  { type: 'smtp', port: true, url: false, method: null, matches: ['default'], negatableMatches: [] },
  { type: 'tcp', port: true, url: false, method: null, matches: ['default', 'contains', 'matches'], negatableMatches: ['contains', 'matches'] },
];

export const MIN_PROBE_INTERVAL = 30;

/**
 * A farm health probe against the probe catalogue (`GET /availableFarmProbes`).
 * Returns an English error message or null. A null probe (default tcp check) is valid.
 */
export function validateProbe(
  probe: Partial<BackendProbe> | null | undefined,
  available: readonly FarmAvailableProbe[],
): string | null {
  if (!probe) return null;
  const type = probe.type ?? 'tcp';
  const kind = available.find((entry) => entry.type === type);
  if (!kind) {
    return `Probe type "${type}" is not available: use one of ${available.map((entry) => entry.type).join(', ')}`;
  }
  if (probe.interval !== null && probe.interval !== undefined) {
    if (!Number.isInteger(probe.interval) || probe.interval < MIN_PROBE_INTERVAL) {
      return `Probe interval must be at least ${MIN_PROBE_INTERVAL} seconds (got ${probe.interval})`;
    }
  }
  const match = probe.match ?? 'default';
  if (!kind.matches.includes(match)) {
    return `Probe match "${match}" is not available for ${type} probes: use one of ${kind.matches.join(', ')}`;
  }
  if (probe.negate && !kind.negatableMatches.includes(match)) {
    return `Probe match "${match}" cannot be negated for ${type} probes`;
  }
  if (probe.method !== null && probe.method !== undefined) {
    if (!kind.method) return `Probe method is only used by http probes, not ${type}`;
    if (!kind.method.includes(probe.method)) {
      return `Probe method "${probe.method}" is not available: use one of ${kind.method.join(', ')}`;
    }
  }
  if (probe.url !== null && probe.url !== undefined && probe.url !== '') {
    if (!kind.url) return `Probe URL is not used by ${type} probes`;
    if (/\s/.test(probe.url)) return 'Probe URL cannot contain spaces';
  }
  if (probe.port !== null && probe.port !== undefined) {
    if (!kind.port) return `Probe port cannot be set for ${type} probes`;
    const portError = validatePort(probe.port, 'Probe port');
    if (portError) return portError;
  }
  const pattern = probe.pattern ?? '';
  if (match === 'default' && pattern !== '') return 'Probe pattern must be empty when match is "default"';
  if (match !== 'default' && pattern === '') return `Probe pattern is required when match is "${match}"`;
  if (match === 'status' && !/^\d{3}(\s*,\s*\d{3})*$/.test(pattern)) {
    return 'Probe pattern for "status" must be HTTP codes separated by commas, such as 200,204';
  }
  if (match === 'matches') {
    try {
      new RegExp(pattern);
    } catch {
      return `Probe pattern "${pattern}" is not a valid regular expression`;
    }
  }
  return null;
}
