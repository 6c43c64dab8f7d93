import ipaddr from 'ipaddr.js';

/** True for a dotted-quad IPv4 address (four decimal parts, no leading zeros trickery). */
export function isIpv4(value: unknown): value is string {
  return typeof value === 'string' && /^\d{1,3}(\.\d{1,3}){3}$/.test(value) && ipaddr.IPv4.isValidFourPartDecimal(value);
}

/** An IPv4 address. Returns an English error message or null. */
export function validateIpv4(value: unknown, label = 'Address'): string | null {
  if (!isIpv4(value)) return `${label} must be an IPv4 address such as 203.0.113.10`;
  return null;
}

/** Ranges a backend server may not use, with the reason shown to the user. */
const reservedServerRanges: ReadonlyArray<[string, string]> = [
  ['0.0.0.0/8', 'is in 0.0.0.0/8 ("this network")'],
  ['127.0.0.0/8', 'is a loopback address'],
  ['169.254.0.0/16', 'is a link-local address'],
  ['224.0.0.0/4', 'is a multicast address'],
  ['240.0.0.0/4', 'is in the reserved range 240.0.0.0/4'],
];

/** A backend server address: a unicast IPv4 outside reserved ranges. Returns an English error message or null. */
export function validateServerAddress(value: unknown, label = 'Server address'): string | null {
  const invalid = validateIpv4(value, label);
  if (invalid) return invalid;
  const address = ipaddr.IPv4.parse(value as string);
  for (const [cidr, reason] of reservedServerRanges) {
    if (address.match(ipaddr.IPv4.parseCIDR(cidr))) return `${label} ${value as string} ${reason} and cannot be used`;
  }
  return null;
}

/**
 * An IPv4 block in CIDR notation (`203.0.113.0/24`); a bare address counts as a /32.
 * The address must be the first of its block (`203.0.113.5/24` is refused). Returns an English error message or null.
 */
export function validateIpv4Block(value: unknown, label = 'IP block'): string | null {
  if (typeof value !== 'string' || value.trim() === '') return `${label} must be an IPv4 block such as 203.0.113.0/24`;
  const [address, prefixText, ...rest] = value.split('/');
  if (rest.length > 0 || !isIpv4(address)) return `${label} "${value}" is not an IPv4 block such as 203.0.113.0/24`;
  if (prefixText === undefined) return null;
  if (!/^\d{1,2}$/.test(prefixText) || Number(prefixText) > 32) {
    return `${label} "${value}" has an invalid prefix length (0–32)`;
  }
  const prefix = Number(prefixText);
  const network = ipaddr.IPv4.networkAddressFromCIDR(`${address}/${prefix}`).toString();
  if (network !== address) return `${label} "${value}" is not the start of its block: did you mean ${network}/${prefix}?`;
  return null;
}

/** A list of IPv4 blocks (allowedSource, deniedSource, dedicatedIpfo). Returns an English error message or null. */
export function validateIpv4BlockList(value: unknown, label = 'IP blocks'): string | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) return `${label} must be a list of IPv4 blocks`;
  for (const item of value) {
    const error = validateIpv4Block(item, label);
    if (error) return error;
  }
  return null;
}

/** allowedSource and deniedSource cannot both be set. Returns an English error message or null. */
export function validateSourceLists(allowedSource: unknown, deniedSource: unknown): string | null {
  const has = (list: unknown) => Array.isArray(list) && list.length > 0;
  if (has(allowedSource) && has(deniedSource)) {
    return 'allowedSource and deniedSource cannot be used together: set only one of them';
  }
  return validateIpv4BlockList(allowedSource, 'allowedSource') ?? validateIpv4BlockList(deniedSource, 'deniedSource');
}
