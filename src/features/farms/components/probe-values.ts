import type { BackendProbe, FarmAvailableProbe, ProbeExpectMatchEnum, ProbeMethodEnum, ProbeTypeEnum } from '@/api/generated';
import { MIN_PROBE_INTERVAL } from '@/lib/validation/probe';
import { MAX_PORT, MIN_PORT, validatePort } from '@/lib/validation/port-spec';

/**
 * A number field as typed: a number, '' (not set: the API default applies) or text the number input
 * could not read (e.g. "-"). Nothing is clamped or rounded: a wrong value stays, with its error.
 */
export type TypedNumber = number | string;

/** The shared rule decides (as the API will); the message says what is expected. */
export const portError = (value: TypedNumber, label = 'Port') =>
  validatePort(value, label) ? `${label} must be a whole number from ${MIN_PORT} to ${MAX_PORT}` : null;

export const intervalError = (value: TypedNumber) =>
  typeof value !== 'number' || !Number.isInteger(value) || value < MIN_PROBE_INTERVAL
    ? `Interval must be a whole number of seconds, at least ${MIN_PROBE_INTERVAL}`
    : null;

/** The probe editor's fields, as typed (numbers may be '' while empty). */
export interface ProbeValues {
  /** false = no custom probe: the API checks tcp on the farm port */
  enabled: boolean;
  type: string;
  port: TypedNumber;
  url: string;
  method: string;
  match: string;
  pattern: string;
  negate: boolean;
  interval: TypedNumber;
  forceSsl: boolean;
}

export const defaultProbeValues: ProbeValues = {
  enabled: false,
  type: 'http',
  port: '',
  url: '/',
  method: 'GET',
  match: 'default',
  pattern: '',
  negate: false,
  interval: MIN_PROBE_INTERVAL,
  forceSsl: false,
};

export function probeToValues(probe: BackendProbe | null): ProbeValues {
  if (!probe) return defaultProbeValues;
  return {
    enabled: true,
    type: probe.type ?? 'tcp',
    port: probe.port ?? '',
    url: probe.url ?? '',
    method: probe.method ?? '',
    match: probe.match ?? 'default',
    pattern: probe.pattern ?? '',
    negate: probe.negate ?? false,
    interval: probe.interval ?? '',
    forceSsl: probe.forceSsl ?? false,
  };
}

/** The probe the API receives: only the fields the chosen type uses, null for "not set". */
export function valuesToProbe(values: ProbeValues, kind: FarmAvailableProbe | undefined): BackendProbe | null {
  if (!values.enabled) return null;
  const match = values.match || 'default';
  return {
    type: values.type as ProbeTypeEnum,
    port: kind?.port && values.port !== '' ? Number(values.port) : null,
    url: kind?.url && values.url.trim() !== '' ? values.url.trim() : null,
    method: kind?.method && values.method ? (values.method as ProbeMethodEnum) : null,
    match: match as ProbeExpectMatchEnum,
    pattern: match === 'default' ? null : values.pattern,
    negate: kind?.negatableMatches.includes(match) ? values.negate : null,
    interval: values.interval === '' ? null : Number(values.interval),
    forceSsl: values.forceSsl,
  };
}

/** After a type change, drop what the new type does not accept. */
export function adaptToType(values: ProbeValues, kind: FarmAvailableProbe | undefined): ProbeValues {
  if (!kind) return values;
  const match = kind.matches.includes(values.match) ? values.match : 'default';
  return {
    ...values,
    port: kind.port ? values.port : '',
    url: kind.url ? values.url || '/' : '',
    method: kind.method ? (kind.method.includes(values.method) ? values.method : (kind.method[0] ?? '')) : '',
    match,
    pattern: match === 'default' ? '' : values.pattern,
    negate: kind.negatableMatches.includes(match) ? values.negate : false,
  };
}

export const patternHints: Record<string, { label: string; description: string; placeholder: string }> = {
  status: {
    label: 'Expected status codes',
    description: 'Comma-separated HTTP status codes, such as 200,204',
    placeholder: '200,204',
  },
  contains: {
    label: 'Expected text',
    description: 'The reply must contain this substring',
    placeholder: 'OK',
  },
  matches: {
    label: 'Expected pattern (regular expression)',
    description: 'The reply must match this regular expression, such as ^OK$',
    placeholder: '^OK',
  },
};

/** Per-field errors of the probe editor, as the API will judge them (see lib/validation/probe). */
export function validateProbeValues(values: ProbeValues, kind: FarmAvailableProbe | undefined) {
  const errors: Partial<Record<keyof ProbeValues, string>> = {};
  if (!values.enabled) return errors;
  if (!kind) {
    errors.type = `Probe type "${values.type}" is not available`;
    return errors;
  }
  const interval = values.interval === '' ? null : intervalError(values.interval);
  if (interval) errors.interval = interval;
  if (kind.port && values.port !== '') {
    const error = portError(values.port, 'Probe port');
    if (error) errors.port = error;
  }
  if (kind.url && /\s/.test(values.url)) errors.url = 'The URL cannot contain spaces';
  const match = values.match || 'default';
  if (!kind.matches.includes(match)) errors.match = `Use one of ${kind.matches.join(', ')}`;
  if (match !== 'default') {
    const pattern = values.pattern;
    if (pattern.trim() === '') errors.pattern = `Required when the reply is checked with "${match}"`;
    else if (match === 'status' && !/^\d{3}(\s*,\s*\d{3})*$/.test(pattern)) {
      errors.pattern = 'Use HTTP status codes separated by commas, such as 200,204';
    } else if (match === 'matches') {
      try {
        new RegExp(pattern);
      } catch {
        errors.pattern = 'This is not a valid regular expression';
      }
    }
  }
  return errors;
}

/** One line for tables: "http GET /health every 30 s", or the API's default. */
export function describeProbe(probe: BackendProbe | null): string {
  if (!probe) return 'tcp on farm port (default)';
  const parts: string[] = [probe.type ?? 'tcp'];
  if (probe.type === 'http') parts.push(`${probe.method ?? 'GET'} ${probe.url ?? '/'}`);
  if (probe.port) parts.push(`port ${probe.port}`);
  if (probe.match && probe.match !== 'default') {
    parts.push(`${probe.negate ? 'not ' : ''}${probe.match} ${probe.pattern ?? ''}`.trim());
  }
  parts.push(`every ${probe.interval ?? MIN_PROBE_INTERVAL} s`);
  return parts.join(' · ');
}
