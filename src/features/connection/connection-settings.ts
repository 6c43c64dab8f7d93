/**
 * What the user chose on the Connection screen, where it is kept, and the API target it gives.
 *
 * Storage policy:
 * - nothing is written to localStorage unless the user ticked "Remember on this device";
 * - otherwise the settings live in sessionStorage (gone when the tab is closed);
 * - saving with one policy removes any copy kept under the other one;
 * - logging out removes both copies.
 */
import { ovhEndpoints, sandboxTarget, type ApiCredentials, type ApiTarget } from '@/lib/ovh/target';

export type ConnectionTargetKind = 'sandbox' | 'ovh-eu' | 'ovh-ca' | 'ovh-us' | 'custom';
export type OvhTargetKind = keyof typeof ovhEndpoints;
/** `proxy`: through this app's same-origin pass-through proxy; `direct`: straight to the API host (CORS). */
export type Transport = 'proxy' | 'direct';

export interface ConnectionSettings {
  target: ConnectionTargetKind;
  /** OVH targets only */
  transport: Transport;
  /** custom target only: API base such as `http://127.0.0.1:8787/1.0` */
  customBase: string;
  credentials?: ApiCredentials;
  /** the consumer key was just created and waits for the user's validation */
  pendingValidation?: boolean;
  /** kept in localStorage (true) or sessionStorage (false) */
  remember: boolean;
  /** client-side throttle; absent: the client's default */
  requestsPerSecond?: number;
}

export const requestsPerSecondRange = { min: 1, max: 100, default: 20 } as const;

/** An error message, or null when `value` is a usable request rate. */
export function checkRequestsPerSecond(value: unknown): string | null {
  const { min, max } = requestsPerSecondRange;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)
    return `Enter a number of requests per second from ${min} to ${max}`;
  return null;
}

export const connectionStorageKey = 'iplb-console.connection';

export const isOvhTarget = (kind: ConnectionTargetKind): kind is OvhTargetKind => kind in ovhEndpoints;

export interface ConnectionStorages {
  session: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  local: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

export const browserStorages = (): ConnectionStorages => ({ session: sessionStorage, local: localStorage });

const targetKinds: readonly ConnectionTargetKind[] = ['sandbox', 'ovh-eu', 'ovh-ca', 'ovh-us', 'custom'];

function readOne(storage: ConnectionStorages['session'], remember: boolean): ConnectionSettings | null {
  let raw: string | null;
  try {
    raw = storage.getItem(connectionStorageKey);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<ConnectionSettings>;
    if (!value || !targetKinds.includes(value.target as ConnectionTargetKind)) return null;
    const credentials = value.credentials;
    const validCredentials =
      credentials &&
      typeof credentials.applicationKey === 'string' &&
      typeof credentials.applicationSecret === 'string' &&
      (credentials.consumerKey === undefined || typeof credentials.consumerKey === 'string');
    return {
      target: value.target as ConnectionTargetKind,
      transport: value.transport === 'direct' ? 'direct' : 'proxy',
      customBase: typeof value.customBase === 'string' ? value.customBase : '',
      ...(validCredentials ? { credentials } : {}),
      ...(value.pendingValidation ? { pendingValidation: true } : {}),
      ...(checkRequestsPerSecond(value.requestsPerSecond) === null
        ? { requestsPerSecond: value.requestsPerSecond }
        : {}),
      remember,
    };
  } catch {
    return null;
  }
}

/** The saved settings: the tab's own (sessionStorage) first, then the remembered ones (localStorage). */
export function loadConnection(storages: ConnectionStorages = browserStorages()): ConnectionSettings | null {
  return readOne(storages.session, false) ?? readOne(storages.local, true);
}

/** Saves under the policy the user chose, and removes the copy kept under the other one. */
export function saveConnection(
  settings: ConnectionSettings,
  storages: ConnectionStorages = browserStorages(),
): void {
  const { remember, ...rest } = settings;
  const text = JSON.stringify(rest);
  if (remember) {
    storages.local.setItem(connectionStorageKey, text);
    storages.session.removeItem(connectionStorageKey);
  } else {
    storages.session.setItem(connectionStorageKey, text);
    storages.local.removeItem(connectionStorageKey);
  }
}

/** Forgets everything: both storages. */
export function clearConnection(storages: ConnectionStorages = browserStorages()): void {
  storages.session.removeItem(connectionStorageKey);
  storages.local.removeItem(connectionStorageKey);
}

/** Trims and checks a custom API base; returns an error message or the normalised URL. */
export function parseCustomBase(text: string): { base: string } | { error: string } {
  const trimmed = text.trim().replace(/\/+$/, '');
  if (!trimmed) return { error: 'Enter the API base URL, e.g. http://127.0.0.1:8787/1.0' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { error: 'Enter an absolute URL starting with http:// or https://' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { error: 'Only http:// and https:// URLs work' };
  if (url.username || url.password)
    return { error: 'Do not put credentials in the URL: use the fields below' };
  if (url.search || url.hash) return { error: 'The base URL cannot have a query string or a fragment' };
  if (trimmed.length > 2000) return { error: 'This URL is too long' };
  return { base: trimmed };
}

/** The API target the settings point at; `origin` is this app's origin (for the sandbox and the proxy). */
export function targetFromSettings(settings: ConnectionSettings, origin: string): ApiTarget {
  const credentials = {
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    ...(settings.requestsPerSecond ? { requestsPerSecond: settings.requestsPerSecond } : {}),
  };
  if (settings.target === 'sandbox') return sandboxTarget(origin);
  if (isOvhTarget(settings.target)) {
    const endpoint = ovhEndpoints[settings.target];
    const requestBase =
      settings.transport === 'direct' ? endpoint.base : new URL(endpoint.proxyPath, origin).href;
    return {
      kind: settings.target,
      label: endpoint.label,
      requestBase,
      signatureBase: endpoint.base,
      ...credentials,
    };
  }
  const parsed = parseCustomBase(settings.customBase);
  if ('error' in parsed) throw new Error(`Custom API base: ${parsed.error}`);
  return {
    kind: 'custom',
    label: `Custom (${new URL(parsed.base).host})`,
    requestBase: parsed.base,
    signatureBase: parsed.base,
    ...credentials,
  };
}

/** The target saved for this browser, or null for the default (the in-browser sandbox). */
export function savedTarget(
  origin: string,
  storages: ConnectionStorages = browserStorages(),
): ApiTarget | null {
  const settings = loadConnection(storages);
  if (!settings || settings.target === 'sandbox') return null;
  try {
    return targetFromSettings(settings, origin);
  } catch {
    return null;
  }
}

/** The rights the app asks for: read and write on every IP Load Balancer route, nothing else. */
export const requestedAccessRules = (['GET', 'POST', 'PUT', 'DELETE'] as const).flatMap((method) => [
  { method, path: '/ipLoadbalancing' },
  { method, path: '/ipLoadbalancing/*' },
]);

/** Where the validation page sends the user back. */
export const validationReturnPath = '/connection?validated=1';
