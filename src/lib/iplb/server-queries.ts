import { queryOptions, useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Operations } from '@/api/generated';
import { api } from '@/lib/api-client';
import { farmPath, farmQueries } from '@/lib/iplb/farm-queries';
import { iplbKeys } from '@/lib/iplb/keys';
import type { FarmByProtocol, Protocol, ServerByProtocol } from '@/lib/iplb/protocol';

/** Body of `POST /{protocol}/farm/{farmId}/server`, as generated from the API description. */
export interface ServerCreateBodyByProtocol {
  http: Operations['POST /ipLoadbalancing/{serviceName}/http/farm/{farmId}/server']['body'];
  tcp: Operations['POST /ipLoadbalancing/{serviceName}/tcp/farm/{farmId}/server']['body'];
  udp: Operations['POST /ipLoadbalancing/{serviceName}/udp/farm/{farmId}/server']['body'];
}

export const serversPath = (serviceName: string, protocol: Protocol, farmId: number) => [
  ...farmPath(serviceName, protocol, farmId),
  'server',
];
const serverPath = (serviceName: string, protocol: Protocol, farmId: number, serverId: number) => [
  ...serversPath(serviceName, protocol, farmId),
  serverId,
];

/** Every server of one farm, full objects, in one expanded-list request. */
export const listServers = <P extends Protocol>(serviceName: string, protocol: P, farmId: number, signal?: AbortSignal) =>
  api().list<ServerByProtocol[P]>(serversPath(serviceName, protocol, farmId), { signal });

export const createServer = <P extends Protocol>(
  serviceName: string,
  protocol: P,
  farmId: number,
  body: ServerCreateBodyByProtocol[P],
) => api().request<ServerByProtocol[P]>('POST', serversPath(serviceName, protocol, farmId), { body });

/** PUT takes the whole object as GET returned it, with the changes. */
export const updateServer = <P extends Protocol>(serviceName: string, protocol: P, server: ServerByProtocol[P]) =>
  api().request<null>('PUT', serverPath(serviceName, protocol, server.backendId, server.serverId), { body: server });

export const deleteServer = (serviceName: string, protocol: Protocol, farmId: number, serverId: number) =>
  api().request<null>('DELETE', serverPath(serviceName, protocol, farmId, serverId));

/** A server's label for people: its display name, or its address. */
export const serverLabel = (server: { address: string; displayName: string | null; port: number | null }) => {
  const endpoint = server.port ? `${server.address}:${server.port}` : server.address;
  return server.displayName?.trim() ? `${server.displayName} (${endpoint})` : endpoint;
};

export const serverQueries = {
  /** prefix of every server query of a service: invalidate it after any server write */
  all: (serviceName: string) => iplbKeys.resource(serviceName, 'servers'),
  byProtocol: (serviceName: string, protocol: Protocol) => [...serverQueries.all(serviceName), protocol] as const,
  list: <P extends Protocol>(serviceName: string, protocol: P, farmId: number) =>
    queryOptions({
      queryKey: [...serverQueries.byProtocol(serviceName, protocol), farmId, 'list'] as const,
      queryFn: ({ signal }) => listServers(serviceName, protocol, farmId, signal),
    }),
};

export interface FarmServers<P extends Protocol> {
  farm: FarmByProtocol[P];
  servers: ServerByProtocol[P][] | undefined;
  error: Error | null;
}

/**
 * Every farm of a protocol with its servers.
 *
 * Request count: 1 (expanded farm list) + F (one expanded server list per farm). The API has no
 * route listing the servers of several farms: servers live under `/farm/{farmId}/server` only, so
 * one list per farm is the fewest requests it allows (the OVHcloud Control Panel needs 1 + 2F + S).
 * Each per-farm list is its own cache entry, shared with the farm page, so a write to one farm
 * refetches that farm's servers only.
 */
export function useFarmsWithServers<P extends Protocol>(
  serviceName: string,
  protocol: P,
  /** false: the farm list only, the server lists wait (e.g. a tab not shown yet) */
  { loadServers = true }: { loadServers?: boolean } = {},
) {
  const farms = useQuery(farmQueries.list(serviceName, protocol));
  const farmList = farms.data;
  // a stable combine: its result keeps its identity while no list changes (no re-sort of big tables per render)
  const combine = useCallback(
    (results: UseQueryResult<ServerByProtocol[P][], Error>[]) => ({
      rows: (farmList ?? []).map(
        (farm, index): FarmServers<P> => ({
          farm,
          servers: results[index]?.data,
          error: results[index]?.error ?? null,
        }),
      ),
      serversPending: results.some((result) => result.isPending),
      errors: results.flatMap((result) => (result.error ? [result.error] : [])),
    }),
    [farmList],
  );
  const servers = useQueries({
    queries: (farmList ?? []).map((farm) => ({ ...serverQueries.list(serviceName, protocol, farm.farmId), enabled: loadServers })),
    combine,
  });
  return {
    farms,
    rows: servers.rows,
    isPending: farms.isPending || servers.serversPending,
    errors: servers.errors,
  };
}

const readOnlyServerFields = new Set(['serverId', 'backendId', 'serverState']);

/** A copy of a server as a create body: its writable fields that are set (nulls left to the API's defaults). */
export function serverToCreateBody<P extends Protocol>(server: ServerByProtocol[P]): ServerCreateBodyByProtocol[P] {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(server)) {
    if (!readOnlyServerFields.has(key) && value !== null && value !== undefined) body[key] = value;
  }
  return body as unknown as ServerCreateBodyByProtocol[P];
}
