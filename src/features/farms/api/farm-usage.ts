import { useQueries, type QueryClient } from '@tanstack/react-query';
import type { RouteHttp, RouteTcp } from '@/api/generated';
import { frontendName, frontendQueries } from '@/lib/iplb/frontend-queries';
import type { AnyFrontend, Protocol } from '@/lib/iplb/protocol';
import { hasRoutes, routeQueries, routesTargetingFarm } from '@/lib/iplb/route-queries';

export interface FarmFrontendUser {
  frontendId: number;
  name: string;
  port: string;
  /** the frontends page, filtered on this frontend */
  url: string;
}

export interface FarmRouteUser {
  routeId: number;
  name: string;
  /** the frontend the route belongs to (null: not attached to one) */
  frontend: { frontendId: number; name: string; url: string } | null;
}

/** What sends traffic to a farm: frontends whose default farm it is, routes whose action targets it. */
export interface FarmUsage {
  frontends: FarmFrontendUser[];
  routes: FarmRouteUser[];
}

const frontendsUrl = (serviceName: string, protocol: Protocol, frontend: AnyFrontend) =>
  `/services/${encodeURIComponent(serviceName)}/frontends/${protocol}?q=${encodeURIComponent(frontendName(frontend))}`;

/** Who uses the farm, from the protocol's frontend and route lists (full objects, one request each). */
export function farmUsage(
  serviceName: string,
  protocol: Protocol,
  farmId: number,
  frontends: readonly AnyFrontend[],
  routes: readonly (RouteHttp | RouteTcp)[],
): FarmUsage {
  const byId = new Map(frontends.map((frontend) => [frontend.frontendId, frontend]));
  return {
    frontends: frontends
      .filter((frontend) => frontend.defaultFarmId === farmId)
      .map((frontend) => ({
        frontendId: frontend.frontendId,
        name: frontendName(frontend),
        port: frontend.port,
        url: frontendsUrl(serviceName, protocol, frontend),
      })),
    routes: routesTargetingFarm(routes, farmId).map((route) => {
      const frontend = route.frontendId === null ? undefined : byId.get(route.frontendId);
      return {
        routeId: route.routeId,
        name: route.displayName?.trim() ? route.displayName : `Route #${route.routeId}`,
        frontend: frontend
          ? { frontendId: frontend.frontendId, name: frontendName(frontend), url: frontendsUrl(serviceName, protocol, frontend) }
          : null,
      };
    }),
  };
}

/** The farm page's "Used by": shares the frontends page's cached lists (and their invalidation). */
export function useFarmUsage(serviceName: string, protocol: Protocol, farmId: number) {
  return useQueries({
    queries: [
      frontendQueries.list(serviceName, protocol),
      { ...routeQueries.list(serviceName, protocol === 'udp' ? 'http' : protocol), enabled: hasRoutes(protocol) },
    ],
    combine: ([frontends, routes]) => ({
      usage:
        frontends.data && (routes.data || !hasRoutes(protocol))
          ? farmUsage(serviceName, protocol, farmId, frontends.data, hasRoutes(protocol) ? (routes.data ?? []) : [])
          : undefined,
      error: frontends.error ?? (hasRoutes(protocol) ? routes.error : null),
    }),
  });
}

/** The same, fetched afresh (staleTime 0): what the API says right before a delete. */
export async function fetchFarmUsage(queryClient: QueryClient, serviceName: string, protocol: Protocol, farmId: number) {
  const [frontends, routes] = await Promise.all([
    queryClient.fetchQuery({ ...frontendQueries.list(serviceName, protocol), staleTime: 0 }),
    hasRoutes(protocol) ? queryClient.fetchQuery({ ...routeQueries.list(serviceName, protocol), staleTime: 0 }) : Promise.resolve([]),
  ]);
  return farmUsage(serviceName, protocol, farmId, frontends, routes);
}
