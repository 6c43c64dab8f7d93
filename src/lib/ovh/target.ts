/** Where API calls go, and how they are signed. */
export interface ApiCredentials {
  applicationKey: string;
  applicationSecret: string;
  /** absent while a consumer key has not been created yet */
  consumerKey?: string;
}

export type TargetKind = 'sandbox' | 'ovh-eu' | 'ovh-ca' | 'ovh-us' | 'custom';

export interface ApiTarget {
  kind: TargetKind;
  /** shown in the header: "Sandbox", "OVH Europe"... */
  label: string;
  /** base URL requests are sent to, e.g. `/sandbox/1.0`, `/ovh/eu/1.0` (proxy) or `https://eu.api.ovh.com/1.0` */
  requestBase: string;
  /** base URL signatures are computed over; equals requestBase unless a proxy sits in between */
  signatureBase: string;
  credentials?: ApiCredentials;
  /** client-side throttle for this target (default: the client's); ignored for the sandbox */
  requestsPerSecond?: number;
}

/** Public OVHcloud API v1 base URLs. */
export const ovhEndpoints = {
  'ovh-eu': { label: 'OVH Europe', base: 'https://eu.api.ovh.com/1.0', proxyPath: '/ovh/eu/1.0' },
  'ovh-ca': { label: 'OVH Canada', base: 'https://ca.api.ovh.com/1.0', proxyPath: '/ovh/ca/1.0' },
  'ovh-us': { label: 'OVH US', base: 'https://api.us.ovhcloud.com/1.0', proxyPath: '/ovh/us/1.0' },
} as const;

/** Path (same origin) the in-browser sandbox answers on. */
export const sandboxBasePath = '/sandbox/1.0';

export function sandboxTarget(origin: string): ApiTarget {
  const base = new URL(sandboxBasePath, origin).href;
  return { kind: 'sandbox', label: 'Sandbox', requestBase: base, signatureBase: base };
}
