/** OVH API v1 request signing: `$1$` + SHA-1 of `AS+CK+METHOD+URL+BODY+TIMESTAMP`. */

export interface SignatureInput {
  applicationSecret: string;
  consumerKey: string;
  /** HTTP verb; upper-cased before hashing, as it is on the wire */
  method: string;
  /** full URL exactly as sent: base + path + query string */
  url: string;
  /** exact body text sent; empty string when there is none */
  body: string;
  /** server-aligned Unix time in seconds (the `X-Ovh-Timestamp` value) */
  timestamp: number;
}

export interface SignatureHeadersInput extends SignatureInput {
  applicationKey: string;
}

/** The string that is hashed: the six fields joined with `+`, no escaping. */
export function signaturePayload(input: SignatureInput): string {
  return [
    input.applicationSecret,
    input.consumerKey,
    input.method.toUpperCase(),
    input.url,
    input.body,
    String(input.timestamp),
  ].join('+');
}

export async function computeSignature(input: SignatureInput): Promise<string> {
  const bytes = new TextEncoder().encode(signaturePayload(input));
  const digest = await globalThis.crypto.subtle.digest('SHA-1', bytes);
  return `$1$${toHex(new Uint8Array(digest))}`;
}

/** The four `X-Ovh-*` headers of a signed call. */
export async function signatureHeaders(input: SignatureHeadersInput): Promise<Record<string, string>> {
  return {
    'X-Ovh-Application': input.applicationKey,
    'X-Ovh-Consumer': input.consumerKey,
    'X-Ovh-Timestamp': String(input.timestamp),
    'X-Ovh-Signature': await computeSignature(input),
  };
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
