import { queryOptions } from '@tanstack/react-query';
import type { RouteHttp, RouteTcp } from '@/api/generated';
import { api } from '@/lib/api-client';
import { iplbKeys } from '@/lib/iplb/keys';
import type { Protocol } from '@/lib/iplb/protocol';

/** Routes exist for HTTP and TCP only. */
export type RouteProtocol = Extract<Protocol, 'http' | 'tcp'>;

export interface RouteByProtocol {
  http: RouteHttp;
  tcp: RouteTcp;
}

export const hasRoutes = (protocol: Protocol): protocol is RouteProtocol => protocol !== 'udp';

/** Every route of one protocol, full objects, in one expanded-list request. */
export const listRoutes = <P extends RouteProtocol>(serviceName: string, protocol: P, signal?: AbortSignal) =>
  api().list<RouteByProtocol[P]>(['ipLoadbalancing', serviceName, protocol, 'route'], { signal });

/** Routes whose action sends traffic to this farm (action `farm`, target = the farm id). */
export const routesTargetingFarm = <R extends RouteHttp | RouteTcp>(routes: readonly R[], farmId: number) =>
  routes.filter((route) => route.action.type === 'farm' && route.action.target === String(farmId));

export const routeQueries = {
  all: (serviceName: string) => iplbKeys.resource(serviceName, 'routes'),
  list: <P extends RouteProtocol>(serviceName: string, protocol: P) =>
    queryOptions({
      queryKey: [...routeQueries.all(serviceName), protocol, 'list'] as const,
      queryFn: ({ signal }) => listRoutes(serviceName, protocol, signal),
    }),
};
