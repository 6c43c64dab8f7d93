import { modelSpecs } from '@/api/generated';

/** A new object of `modelName`: nullable fields null, booleans false, then `values` on top. */
export function withDefaults<T>(modelName: string, values: Record<string, unknown>): T {
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(modelSpecs[modelName]?.properties ?? {})) {
    if (field.canBeNull) result[key] = null;
    else if (field.type === 'boolean') result[key] = false;
  }
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) result[key] = value;
  }
  return result as T;
}

export const models = {
  frontend: {
    http: 'ipLoadbalancing.frontendHttp.FrontendHttp',
    tcp: 'ipLoadbalancing.frontendTcp.FrontendTcp',
    udp: 'ipLoadbalancing.frontendUdp.FrontendUdp',
  },
  farm: {
    http: 'ipLoadbalancing.backendHttp.BackendHttp',
    tcp: 'ipLoadbalancing.backendTcp.BackendTcp',
    udp: 'ipLoadbalancing.backendUdp.BackendUdp',
  },
  server: {
    http: 'ipLoadbalancing.backendHttpCustomerServer.BackendHTTPServer',
    tcp: 'ipLoadbalancing.backendTcpCustomerServer.BackendTCPServer',
    udp: 'ipLoadbalancing.backendUdpCustomerServer.BackendUDPServer',
  },
  route: { http: 'ipLoadbalancing.RouteHttp.RouteHttp', tcp: 'ipLoadbalancing.RouteTcp.RouteTcp' },
  rule: 'ipLoadbalancing.RouteRule.RouteRule',
} as const;
