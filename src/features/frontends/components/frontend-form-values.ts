import { firstEntryError } from '@/components/list-input/list-entries';
import type { FrontendCreateBodyByProtocol } from '@/lib/iplb/frontend-queries';
import type { AnyFarm, FrontendByProtocol, Protocol } from '@/lib/iplb/protocol';
import { validateDisplayName } from '@/lib/validation/fields';
import { validateIpv4Block } from '@/lib/validation/ip';
import { validatePortSpec } from '@/lib/validation/port-spec';

/** What the form edits; strings and lists as typed, converted to the API's shape on submit. */
export interface FrontendFormValues {
  displayName: string;
  zone: string;
  port: string;
  defaultFarmId: string | null;
  defaultSslId: string | null;
  ssl: boolean;
  hsts: boolean;
  redirectLocation: string;
  /** one header per line */
  httpHeader: string;
  allowedSource: string[];
  deniedSource: string[];
  dedicatedIpfo: string[];
  disabled: boolean;
}

export const hasTls = (protocol: Protocol) => protocol !== 'udp';

export const emptyFrontendValues = (zone: string): FrontendFormValues => ({
  displayName: '',
  zone,
  port: '',
  defaultFarmId: null,
  defaultSslId: null,
  ssl: false,
  hsts: false,
  redirectLocation: '',
  httpHeader: '',
  allowedSource: [],
  deniedSource: [],
  dedicatedIpfo: [],
  disabled: false,
});

/** Form values of an existing frontend. */
export function frontendToValues(frontend: FrontendByProtocol[Protocol]): FrontendFormValues {
  const values = emptyFrontendValues(frontend.zone);
  values.displayName = frontend.displayName ?? '';
  values.port = frontend.port;
  values.defaultFarmId = frontend.defaultFarmId === null ? null : String(frontend.defaultFarmId);
  values.dedicatedIpfo = frontend.dedicatedIpfo ?? [];
  values.disabled = frontend.disabled;
  if ('ssl' in frontend) {
    values.ssl = frontend.ssl;
    values.defaultSslId = frontend.defaultSslId === null ? null : String(frontend.defaultSslId);
    values.allowedSource = frontend.allowedSource ?? [];
    values.deniedSource = frontend.deniedSource ?? [];
  }
  if ('hsts' in frontend) {
    values.hsts = frontend.hsts;
    values.redirectLocation = frontend.redirectLocation ?? '';
    values.httpHeader = (frontend.httpHeader ?? []).join('\n');
  }
  return values;
}

export const headerLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

const list = (values: string[]) => (values.length > 0 ? values : null);
const id = (value: string | null) => (value === null || value === '' ? null : Number(value));

/** The API's value of each writable field, from the form (null = not set). */
function apiFields(values: FrontendFormValues) {
  return {
    displayName: values.displayName.trim() || null,
    zone: values.zone,
    port: values.port.replace(/\s+/g, ''),
    defaultFarmId: id(values.defaultFarmId),
    defaultSslId: id(values.defaultSslId),
    ssl: values.ssl,
    hsts: values.hsts,
    redirectLocation: values.redirectLocation.trim() || null,
    httpHeader: list(headerLines(values.httpHeader)),
    allowedSource: list(values.allowedSource),
    deniedSource: list(values.deniedSource),
    dedicatedIpfo: list(values.dedicatedIpfo),
    disabled: values.disabled,
  };
}

const writableFields: Record<Protocol, readonly (keyof ReturnType<typeof apiFields>)[]> = {
  http: ['displayName', 'zone', 'port', 'defaultFarmId', 'defaultSslId', 'ssl', 'hsts', 'redirectLocation', 'httpHeader', 'allowedSource', 'deniedSource', 'dedicatedIpfo', 'disabled'],
  tcp: ['displayName', 'zone', 'port', 'defaultFarmId', 'defaultSslId', 'ssl', 'allowedSource', 'deniedSource', 'dedicatedIpfo', 'disabled'],
  udp: ['displayName', 'zone', 'port', 'defaultFarmId', 'dedicatedIpfo', 'disabled'],
};

/** POST body: only the fields the user set (false booleans and empty values are the API's defaults). */
export function toCreateBody<P extends Protocol>(protocol: P, values: FrontendFormValues): FrontendCreateBodyByProtocol[P] {
  const fields = apiFields(values);
  const body: Record<string, unknown> = {};
  for (const key of writableFields[protocol]) {
    const value = fields[key];
    if (value === null || value === false) continue;
    body[key] = value;
  }
  return body as FrontendCreateBodyByProtocol[P];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * PUT body: the whole object as GET returned it, with the fields the user changed. A field left as it
 * was keeps the API's exact value (e.g. `[]` is not rewritten as `null`).
 */
export function toUpdateBody<P extends Protocol>(protocol: P, original: FrontendByProtocol[P], values: FrontendFormValues): FrontendByProtocol[P] {
  const initial = apiFields(frontendToValues(original));
  const fields = apiFields(values);
  const body: Record<string, unknown> = { ...original };
  for (const key of writableFields[protocol]) {
    if (!same(fields[key], initial[key])) body[key] = fields[key];
  }
  return body as unknown as FrontendByProtocol[P];
}

/** Farms a frontend may use by default: same protocol (the list), same zone, any zone when the frontend is in `all`. */
export const farmFitsZone = (farm: Pick<AnyFarm, 'zone'>, zone: string) => zone === 'all' || farm.zone === zone;

export function validateRedirectLocation(value: string): string | null {
  const text = value.trim();
  if (text === '') return null;
  if (/\s/.test(text)) return 'Redirect URL cannot contain spaces';
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Redirect URL must start with http:// or https://';
    if (!url.hostname) return 'Redirect URL needs a host name, such as https://www.example.com';
  } catch {
    return 'Redirect URL must be a full URL such as https://www.example.com';
  }
  // the API's own check
  return /^https?:\/\/[^\s]+$/.test(text) ? null : 'Redirect URL must start with http:// or https://';
}

const headerLine = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+:?[ \t]+\S/;

export function validateHttpHeaders(text: string): string | null {
  for (const line of headerLines(text)) {
    if (!headerLine.test(line)) return `"${line}" is not a header line: write the name, a space, then the value, e.g. X-Client-IP %ci`;
  }
  return null;
}

export const validateBlock = (label: string) => (entry: string) => validateIpv4Block(entry, label);

export const sourcesConflict = 'Allowed and denied sources cannot be used together: keep only one list';

/** Field validation, the same rules as the API (shared validators). */
export function validateFrontendValues(
  protocol: Protocol,
  values: FrontendFormValues,
  farms: readonly AnyFarm[] | undefined,
): Partial<Record<keyof FrontendFormValues, string | null>> {
  const farm = values.defaultFarmId === null ? undefined : farms?.find((item) => String(item.farmId) === values.defaultFarmId);
  const bothSources = values.allowedSource.length > 0 && values.deniedSource.length > 0;
  return {
    displayName: validateDisplayName(values.displayName),
    zone: values.zone ? null : 'Choose a zone',
    port: validatePortSpec(values.port.replace(/\s+/g, '')),
    defaultFarmId:
      farm && !farmFitsZone(farm, values.zone)
        ? `This farm is in zone ${farm.zone}: choose a farm of zone ${values.zone}, or set the frontend's zone to all`
        : null,
    redirectLocation: protocol === 'http' ? validateRedirectLocation(values.redirectLocation) : null,
    httpHeader: protocol === 'http' ? validateHttpHeaders(values.httpHeader) : null,
    allowedSource: hasTls(protocol)
      ? (firstEntryError(values.allowedSource, validateBlock('Allowed source')) ?? (bothSources ? sourcesConflict : null))
      : null,
    deniedSource: hasTls(protocol)
      ? (firstEntryError(values.deniedSource, validateBlock('Denied source')) ?? (bothSources ? sourcesConflict : null))
      : null,
    dedicatedIpfo: firstEntryError(values.dedicatedIpfo, validateBlock('Failover IP')),
  };
}
