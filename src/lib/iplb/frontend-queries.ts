import { queryOptions } from '@tanstack/react-query';
import type { Operations, RouteHttp, RouteTcp } from '@/api/generated';
import { api } from '@/lib/api-client';
import { iplbKeys } from '@/lib/iplb/keys';
import type { FrontendByProtocol, Protocol } from '@/lib/iplb/protocol';

/** Body of `POST /{protocol}/frontend`, as generated from the API description. */
export interface FrontendCreateBodyByProtocol {
  http: Operations['POST /ipLoadbalancing/{serviceName}/http/frontend']['body'];
  tcp: Operations['POST /ipLoadbalancing/{serviceName}/tcp/frontend']['body'];
  udp: Operations['POST /ipLoadbalancing/{serviceName}/udp/frontend']['body'];
}

/** Path segments: the client encodes each one once. */
export const frontendsPath = (serviceName: string, protocol: Protocol) => ['ipLoadbalancing', serviceName, protocol, 'frontend'];
export const frontendPath = (serviceName: string, protocol: Protocol, frontendId: number) => [
  ...frontendsPath(serviceName, protocol),
  frontendId,
];

/** Every frontend of one protocol, full objects, in one expanded-list request. */
export const listFrontends = <P extends Protocol>(serviceName: string, protocol: P, signal?: AbortSignal) =>
  api().list<FrontendByProtocol[P]>(frontendsPath(serviceName, protocol), { signal });

export const getFrontend = <P extends Protocol>(serviceName: string, protocol: P, frontendId: number, signal?: AbortSignal) =>
  api().request<FrontendByProtocol[P]>('GET', frontendPath(serviceName, protocol, frontendId), { signal });

/** POST sends only the fields the user set; the API fills the defaults. */
export const createFrontend = <P extends Protocol>(serviceName: string, protocol: P, body: FrontendCreateBodyByProtocol[P]) =>
  api().request<FrontendByProtocol[P]>('POST', frontendsPath(serviceName, protocol), { body });

/** PUT takes the whole object as GET returned it, with the changes. */
export const updateFrontend = <P extends Protocol>(serviceName: string, protocol: P, frontend: FrontendByProtocol[P]) =>
  api().request<null>('PUT', frontendPath(serviceName, protocol, frontend.frontendId), { body: frontend });

export const deleteFrontend = (serviceName: string, protocol: Protocol, frontendId: number) =>
  api().request<null>('DELETE', frontendPath(serviceName, protocol, frontendId));

/** Routes attached to a frontend (`GET /{http,tcp}/route?frontendId=`); UDP has no routes. */
export const listFrontendRoutes = (serviceName: string, protocol: Protocol, frontendId: number, signal?: AbortSignal) =>
  protocol === 'udp'
    ? Promise.resolve([] as (RouteHttp | RouteTcp)[])
    : api().list<RouteHttp | RouteTcp>(['ipLoadbalancing', serviceName, protocol, 'route'], { query: { frontendId }, signal });

/** Zone names of the load balancer (`GET /zone`). */
export const listZones = (serviceName: string, signal?: AbortSignal) =>
  api().request<string[]>('GET', ['ipLoadbalancing', serviceName, 'zone'], { signal });

/** Failover IPs routed to the load balancer (`GET /failover`): what `dedicatedIpfo` may name. */
export const listFailoverIps = (serviceName: string, signal?: AbortSignal) =>
  api().request<string[]>('GET', ['ipLoadbalancing', serviceName, 'failover'], { signal });

/** A frontend's label for people: its display name, or "Frontend #id". */
export const frontendName = (frontend: { frontendId: number; displayName: string | null }) =>
  frontend.displayName?.trim() ? frontend.displayName : `Frontend #${frontend.frontendId}`;

/**
 * Counts per protocol tab come from the three lists themselves, not from `GET /definedFrontends`:
 * the page needs each list anyway to switch tabs instantly from the cache, each list is a single
 * expanded-list request, so `definedFrontends` would only add a fourth request (and a second source of
 * truth that could disagree with the lists right after a write).
 */
export const frontendQueries = {
  /** prefix of every frontend query of a service: invalidate it after any frontend write */
  all: (serviceName: string) => iplbKeys.resource(serviceName, 'frontends'),
  byProtocol: (serviceName: string, protocol: Protocol) => [...frontendQueries.all(serviceName), protocol] as const,
  list: <P extends Protocol>(serviceName: string, protocol: P) =>
    queryOptions({
      queryKey: [...frontendQueries.byProtocol(serviceName, protocol), 'list'] as const,
      queryFn: ({ signal }) => listFrontends(serviceName, protocol, signal),
    }),
  detail: <P extends Protocol>(serviceName: string, protocol: P, frontendId: number) =>
    queryOptions({
      queryKey: [...frontendQueries.byProtocol(serviceName, protocol), 'detail', frontendId] as const,
      queryFn: ({ signal }) => getFrontend(serviceName, protocol, frontendId, signal),
    }),
  routes: (serviceName: string, protocol: Protocol, frontendId: number) =>
    queryOptions({
      queryKey: [...frontendQueries.byProtocol(serviceName, protocol), 'routes', frontendId] as const,
      queryFn: ({ signal }) => listFrontendRoutes(serviceName, protocol, frontendId, signal),
      staleTime: 0,
    }),
  failoverIps: (serviceName: string) =>
    queryOptions({
      queryKey: iplbKeys.resource(serviceName, 'failover'),
      queryFn: ({ signal }) => listFailoverIps(serviceName, signal),
      staleTime: 5 * 60_000,
    }),
  zones: (serviceName: string) =>
    queryOptions({
      queryKey: iplbKeys.resource(serviceName, 'zones'),
      queryFn: ({ signal }) => listZones(serviceName, signal),
      staleTime: 5 * 60_000,
    }),
};
