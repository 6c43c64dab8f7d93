import { conflict, objectNotFound } from './errors';
import { computeServerState, isServerDeployed } from './health';
import type {
  AnyFarm,
  AnyFrontend,
  AnyRoute,
  Protocol,
  RouteProtocol,
  ServiceState,
  StoredRule,
  StoredServer,
} from './state';
import { serviceZones } from './state';

/** Finders and read views shared by the handlers. */

export function findFrontend(service: ServiceState, protocol: Protocol, id: number): AnyFrontend {
  const frontend = (service.frontends[protocol] as AnyFrontend[]).find((item) => item.frontendId === id);
  if (!frontend) throw objectNotFound('frontendId', id);
  return frontend;
}

export function findFarm(service: ServiceState, protocol: Protocol, id: number): AnyFarm {
  const farm = (service.farms[protocol] as AnyFarm[]).find((item) => item.farmId === id);
  if (!farm) throw objectNotFound('farmId', id);
  return farm;
}

export function findServer(service: ServiceState, protocol: Protocol, farmId: number, id: number): StoredServer {
  const server = (service.servers[protocol] as StoredServer[]).find((item) => item.serverId === id && item.backendId === farmId);
  if (!server) throw objectNotFound('serverId', id);
  return server;
}

export function findRoute(service: ServiceState, protocol: RouteProtocol, id: number): AnyRoute {
  const route = (service.routes[protocol] as AnyRoute[]).find((item) => item.routeId === id);
  if (!route) throw objectNotFound('routeId', id);
  return route;
}

export function findRule(service: ServiceState, protocol: RouteProtocol, routeId: number, id: number): StoredRule {
  const rule = service.rules[protocol].find((item) => item.ruleId === id && item.routeId === routeId);
  if (!rule) throw objectNotFound('ruleId', id);
  return rule;
}

/** LB instances running in a zone: two per zone, numbered from the zone's position. */
export function instanceIdsOf(service: ServiceState, zone: string): number[] {
  const index = Math.max(0, serviceZones(service).indexOf(zone));
  const base = 100 * (index + 1);
  return [base + 1, base + 2];
}

export function serverView(service: ServiceState, protocol: Protocol, server: StoredServer, now: number): object {
  if (protocol === 'udp') return { ...server };
  const farm = (service.farms[protocol] as AnyFarm[]).find((item) => item.farmId === server.backendId);
  const withProbe = server as StoredServer & { probe: boolean };
  const serverState = computeServerState({
    deployed: isServerDeployed(service, protocol, server.serverId, farm?.zone ?? '', now),
    status: server.status,
    probe: withProbe.probe,
    profile: service.health[`${protocol}:${server.serverId}`] ?? 'up',
    farmProbe: farm && 'probe' in farm ? farm.probe : null,
    instanceIds: instanceIdsOf(service, farm?.zone ?? ''),
    now,
  });
  return { ...server, serverState };
}

export function routeView(service: ServiceState, protocol: RouteProtocol, route: AnyRoute): object {
  const rules = service.rules[protocol]
    .filter((rule) => rule.routeId === route.routeId)
    .map(({ field, match, negate, pattern, ruleId, subField }) => ({ field, match, negate, pattern, ruleId, subField }));
  return { ...route, rules };
}

/** Zone a route's changes count in: its frontend's zone, or every zone when it has none. */
export function routeZone(service: ServiceState, protocol: RouteProtocol, route: AnyRoute): string {
  if (route.frontendId === null) return 'all';
  const frontend = (service.frontends[protocol] as AnyFrontend[]).find((item) => item.frontendId === route.frontendId);
  return frontend?.zone ?? 'all';
}

export function describeList(kind: string, ids: number[]): string {
  return `${kind}${ids.length > 1 ? 's' : ''} ${ids.join(', ')}`;
}

export function refuseIfUsed(what: string, users: string[]): void {
  if (users.length > 0) throw conflict(`${what} is still used by ${users.join(' and ')}: detach it first`);
}

export function removeById<T>(list: T[], predicate: (item: T) => boolean): void {
  const index = list.findIndex(predicate);
  if (index >= 0) list.splice(index, 1);
}

export function sortById<T>(items: T[], key: keyof T): number[] {
  return items.map((item) => item[key] as unknown as number).sort((a, b) => a - b);
}
