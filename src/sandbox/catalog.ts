import type { FarmAvailableProbe, RouteAvailableAction, RouteAvailableRule } from '@/api/generated';
import { standardFarmProbes } from '@/lib/validation/probe';

/** What the simulated service offers (`/available*`). Values follow OVHcloud's public answers. */

/** Health probe kinds (shared with the forms, see lib/validation/probe.ts). */
export const availableFarmProbes: FarmAvailableProbe[] = structuredClone(standardFarmProbes) as FarmAvailableProbe[];

export const availableFarmTypes = ['http', 'tcp', 'udp'];
export const availableFrontendTypes = ['http', 'tcp', 'udp'];

const redirectCodes = [301, 302, 303, 307, 308];
const rejectCodes = [200, 400, 403, 405, 408, 429, 500, 502, 503, 504];

export const availableRouteActions: RouteAvailableAction[] = [
  { type: 'http', name: 'farm', destination: 'farm', status: null },
  { type: 'http', name: 'redirect', destination: 'url', status: redirectCodes },
  { type: 'http', name: 'reject', destination: null, status: rejectCodes },
  { type: 'tcp', name: 'farm', destination: 'farm', status: null },
  { type: 'tcp', name: 'reject', destination: null, status: null },
];

const textMatches = ['contains', 'endswith', 'exists', 'in', 'is', 'matches', 'startswith'];

export const availableRouteRules: RouteAvailableRule[] = [
  { type: 'http', name: 'cookie', hasSubField: true, pattern: 'string', matches: textMatches, enum: null },
  { type: 'http', name: 'header', hasSubField: true, pattern: 'string', matches: textMatches, enum: null },
  { type: 'http', name: 'host', hasSubField: false, pattern: 'string', matches: textMatches, enum: null },
  { type: 'http', name: 'method', hasSubField: false, pattern: 'enum', matches: ['is', 'in'], enum: ['CONNECT', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT', 'TRACE'] },
  { type: 'http', name: 'protocol', hasSubField: false, pattern: 'enum', matches: ['is'], enum: ['http', 'https', 'http/2.0'] },
  { type: 'http', name: 'query-param', hasSubField: true, pattern: 'string', matches: textMatches, enum: null },
  { type: 'http', name: 'source', hasSubField: false, pattern: 'cidr', matches: ['is', 'in'], enum: null },
  { type: 'http', name: 'uri', hasSubField: false, pattern: 'string', matches: textMatches, enum: null },
  { type: 'tcp', name: 'protocol', hasSubField: false, pattern: 'enum', matches: ['is'], enum: ['tcp', 'tls'] },
  { type: 'tcp', name: 'sni', hasSubField: false, pattern: 'string', matches: textMatches, enum: null },
  { type: 'tcp', name: 'source', hasSubField: false, pattern: 'cidr', matches: ['is', 'in'], enum: null },
];
