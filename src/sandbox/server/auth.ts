import { createHash, timingSafeEqual } from 'node:crypto';
import { type CredentialStore, isCallGranted, type StoredCredential } from './credential-store';
import { ovhErrors } from './ovh-errors';

/** How far `X-Ovh-Timestamp` may be from the server clock, in seconds. OVHcloud does not document its window. */
export const defaultTimestampToleranceSeconds = 180;

/**
 * `"$1$" + sha1(AS+CK+METHOD+URL+BODY+TS)` over the raw body bytes (PROTOCOL §2).
 * Written with node:crypto on purpose: the server checks the browser client's signing, not itself.
 */
export function expectedSignature(input: {
  applicationSecret: string;
  consumerKey: string;
  method: string;
  url: string;
  body: Uint8Array | string;
  timestamp: string;
}): string {
  const hash = createHash('sha1');
  hash.update(`${input.applicationSecret}+${input.consumerKey}+${input.method}+${input.url}+`, 'utf8');
  hash.update(input.body);
  hash.update(`+${input.timestamp}`, 'utf8');
  return `$1$${hash.digest('hex')}`;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

export interface SignedCall {
  method: string;
  /** the URL the client signed: signature base + path + query exactly as received */
  signedUrl: string;
  /** path after the base, without query string, for rule matching */
  path: string;
  headers: Headers;
  body: Uint8Array;
}

export interface AuthenticateOptions {
  store: CredentialStore;
  /** milliseconds since the epoch */
  now: () => number;
  toleranceSeconds?: number;
  /**
   * `credential-info`: `GET /auth/currentCredential`, which answers for a consumer key in any state (an app polls it
   * while the user validates) and is not subject to the access rules; `session`: `POST /auth/logout`, which needs a
   * usable key but no rule. Default `api`: every check.
   */
  scope?: 'api' | 'credential-info' | 'session';
}

/**
 * Checks an authenticated call the way OVHcloud does, in this order: headers present (401), application key known
 * (403 INVALID_KEY), timestamp fresh (400 QUERY_TIME_OUT), consumer key known for that application
 * (403 NOT_CREDENTIAL), signature (400 INVALID_SIGNATURE), credential usable (403 INVALID_CREDENTIAL), call covered by
 * its rules (403 NOT_GRANTED_CALL). Throws an `OvhHttpError`; returns the credential when everything passes.
 */
export function authenticate(call: SignedCall, options: AuthenticateOptions): StoredCredential {
  const applicationKey = call.headers.get('x-ovh-application');
  const consumerKey = call.headers.get('x-ovh-consumer');
  const timestamp = call.headers.get('x-ovh-timestamp');
  const signature = call.headers.get('x-ovh-signature');
  if (!applicationKey || !consumerKey || !timestamp || !signature) throw ovhErrors.notAuthenticated();

  const app = options.store.findApplication(applicationKey);
  if (!app) throw ovhErrors.invalidKey();

  const tolerance = options.toleranceSeconds ?? defaultTimestampToleranceSeconds;
  if (!/^\d{1,12}$/.test(timestamp)) throw ovhErrors.queryTimeOut();
  const serverSeconds = Math.floor(options.now() / 1000);
  if (Math.abs(Number(timestamp) - serverSeconds) > tolerance) throw ovhErrors.queryTimeOut();

  const credential = options.store.findByConsumerKey(consumerKey);
  if (!credential || credential.applicationId !== app.applicationId) throw ovhErrors.notCredential();

  const expected = expectedSignature({
    applicationSecret: app.applicationSecret,
    consumerKey,
    method: call.method,
    url: call.signedUrl,
    body: call.body,
    timestamp,
  });
  if (!sameText(expected, signature)) throw ovhErrors.invalidSignature();

  const scope = options.scope ?? 'api';
  if (scope === 'credential-info') return credential;
  if (options.store.effectiveStatus(credential) !== 'validated') throw ovhErrors.invalidCredential();
  if (scope === 'api' && !isCallGranted(credential.rules, call.method, call.path))
    throw ovhErrors.notGrantedCall();

  options.store.touch(credential);
  return credential;
}
