import type {
  BackendCustomerServerStatusEnum,
  BackendHTTPServer,
  OnMarkedDownEnum,
  ProxyProtocolVersionEnum,
} from '@/api/generated';
import type { Protocol, ServerByProtocol } from '@/lib/iplb/protocol';
import type { ServerCreateBodyByProtocol } from '@/lib/iplb/server-queries';
import { validateDisplayName } from '@/lib/validation/fields';
import { validateServerAddress } from '@/lib/validation/ip';
import { MAX_PORT, MIN_PORT, validatePort } from '@/lib/validation/port-spec';
import { validateServerWeight } from '@/lib/validation/fields';

/**
 * A number field as typed: a number, '' (not set: the API default applies) or text the number input
 * could not read (e.g. "-"). Nothing is clamped or rounded: a wrong value stays, with its error.
 */
export type TypedNumber = number | string;

/** The shared rule decides (as the API will); the message says what is expected. */
export const weightError = (value: TypedNumber) => (validateServerWeight(value) ? 'Weight must be a whole number from 0 to 256' : null);

export const portError = (value: TypedNumber, label = 'Port') =>
  validatePort(value, label) ? `${label} must be a whole number from ${MIN_PORT} to ${MAX_PORT}` : null;

/** The server form's fields, as typed: '' = not set (the API default applies). */
export interface ServerFormValues {
  address: string;
  port: TypedNumber;
  displayName: string;
  status: BackendCustomerServerStatusEnum;
  weight: TypedNumber;
  backup: boolean;
  probe: boolean;
  ssl: boolean;
  chain: string;
  cookie: string;
  proxyProtocolVersion: string;
  onMarkedDown: string;
}

export const emptyServerValues: ServerFormValues = {
  address: '',
  port: '',
  displayName: '',
  status: 'active',
  weight: 1,
  backup: false,
  probe: false,
  ssl: false,
  chain: '',
  cookie: '',
  proxyProtocolVersion: '',
  onMarkedDown: '',
};

export function serverToValues(server: ServerByProtocol[Protocol]): ServerFormValues {
  const full = 'probe' in server ? (server as Partial<BackendHTTPServer>) : {};
  return {
    address: server.address,
    port: server.port ?? '',
    displayName: server.displayName ?? '',
    status: server.status,
    weight: full.weight === undefined ? 1 : (full.weight ?? ''),
    backup: full.backup ?? false,
    probe: full.probe ?? false,
    ssl: full.ssl ?? false,
    chain: full.chain ?? '',
    cookie: full.cookie ?? '',
    proxyProtocolVersion: full.proxyProtocolVersion ?? '',
    onMarkedDown: full.onMarkedDown ?? '',
  };
}

const pemBlock = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/** A CA chain: one or more PEM certificates and nothing else. */
export function validateChain(chain: string): string | null {
  const text = chain.trim();
  if (text === '') return null;
  const blocks = [...text.matchAll(pemBlock)];
  if (blocks.length === 0) return 'Paste PEM certificates (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----)';
  if (blocks.some((block) => block[1] !== 'CERTIFICATE')) return 'Only certificates belong here: remove any private key';
  const rest = text.replace(pemBlock, '').trim();
  if (rest !== '') return 'There is text outside the PEM certificates';
  return null;
}

/** Errors per field, the same rules the API applies. */
export function validateServerValues(values: ServerFormValues, protocol: Protocol, creating: boolean) {
  const errors: Partial<Record<keyof ServerFormValues, string>> = {};
  if (creating) {
    const address = values.address.trim() === '' ? 'The server address is required' : validateServerAddress(values.address.trim());
    if (address) errors.address = address;
  }
  if (values.port !== '') {
    const port = portError(values.port);
    if (port) errors.port = port;
  }
  const name = validateDisplayName(values.displayName);
  if (name) errors.displayName = name;
  if (protocol !== 'udp') {
    if (values.weight !== '') {
      const weight = weightError(values.weight);
      if (weight) errors.weight = weight;
    }
    if (values.ssl) {
      const chain = validateChain(values.chain);
      if (chain) errors.chain = chain;
    }
  }
  return errors;
}

/** `POST …/server`: only what is set, so the API's defaults apply to the rest. */
export function valuesToCreateBody<P extends Protocol>(protocol: P, values: ServerFormValues): ServerCreateBodyByProtocol[P] {
  const body: Record<string, unknown> = { address: values.address.trim(), status: values.status };
  if (values.port !== '') body.port = values.port;
  if (values.displayName.trim()) body.displayName = values.displayName.trim();
  if (protocol !== 'udp') {
    if (values.weight !== '') body.weight = values.weight;
    body.backup = values.backup;
    body.probe = values.probe;
    body.ssl = values.ssl;
    if (values.ssl && values.chain.trim()) body.chain = values.chain.trim();
    if (protocol === 'http' && values.cookie.trim()) body.cookie = values.cookie.trim();
    if (values.proxyProtocolVersion) body.proxyProtocolVersion = values.proxyProtocolVersion;
    if (values.onMarkedDown) body.onMarkedDown = values.onMarkedDown;
  }
  return body as unknown as ServerCreateBodyByProtocol[P];
}

/** `PUT …/server/{id}`: the whole object as GET returned it, with the changes. */
export function valuesToUpdatedServer<P extends Protocol>(server: ServerByProtocol[P], values: ServerFormValues): ServerByProtocol[P] {
  const common = {
    port: values.port === '' ? null : values.port,
    displayName: values.displayName.trim() || null,
    status: values.status,
  };
  if (!('probe' in server)) return { ...server, ...common };
  const next: Record<string, unknown> = {
    ...server,
    ...common,
    weight: values.weight === '' ? null : values.weight,
    backup: values.backup,
    probe: values.probe,
    ssl: values.ssl,
    chain: values.ssl && values.chain.trim() ? values.chain.trim() : null,
    proxyProtocolVersion: (values.proxyProtocolVersion || null) as ProxyProtocolVersionEnum | null,
    onMarkedDown: (values.onMarkedDown || null) as OnMarkedDownEnum | null,
  };
  if ('cookie' in server) next.cookie = values.cookie.trim() || null;
  return next as unknown as ServerByProtocol[P];
}
