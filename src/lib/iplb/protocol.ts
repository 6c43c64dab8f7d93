import type {
  BackendHttp,
  BackendHTTPServer,
  BackendTcp,
  BackendTCPServer,
  BackendUdp,
  BackendUDPServer,
  FrontendHttp,
  FrontendTcp,
  FrontendUdp,
} from '@/api/generated';

export const protocols = ['http', 'tcp', 'udp'] as const;
export type Protocol = (typeof protocols)[number];

export const isProtocol = (value: unknown): value is Protocol => protocols.includes(value as Protocol);

export const protocolLabels: Record<Protocol, string> = { http: 'HTTP', tcp: 'TCP', udp: 'UDP' };

/** The label with its article as it is read aloud: "an HTTP", "a TCP", "a UDP". */
export const protocolWithArticle: Record<Protocol, string> = { http: 'an HTTP', tcp: 'a TCP', udp: 'a UDP' };

export interface FrontendByProtocol {
  http: FrontendHttp;
  tcp: FrontendTcp;
  udp: FrontendUdp;
}
export interface FarmByProtocol {
  http: BackendHttp;
  tcp: BackendTcp;
  udp: BackendUdp;
}
export interface ServerByProtocol {
  http: BackendHTTPServer;
  tcp: BackendTCPServer;
  udp: BackendUDPServer;
}

export type AnyFrontend = FrontendByProtocol[Protocol];
export type AnyFarm = FarmByProtocol[Protocol];
export type AnyServer = ServerByProtocol[Protocol];

/**
 * `/ipLoadbalancing/{serviceName}`, raw: the API client encodes each path segment itself
 * (a service name never contains `/`).
 */
export const servicePath = (serviceName: string) => `/ipLoadbalancing/${serviceName}`;
