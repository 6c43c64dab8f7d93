import { queryOptions } from '@tanstack/react-query';
import type { FarmAvailableProbe, Operations } from '@/api/generated';
import { api } from '@/lib/api-client';
import { iplbKeys } from '@/lib/iplb/keys';
import type { FarmByProtocol, Protocol } from '@/lib/iplb/protocol';

/** Body of `POST /{protocol}/farm`, as generated from the API description. */
export interface FarmCreateBodyByProtocol {
  http: Operations['POST /ipLoadbalancing/{serviceName}/http/farm']['body'];
  tcp: Operations['POST /ipLoadbalancing/{serviceName}/tcp/farm']['body'];
  udp: Operations['POST /ipLoadbalancing/{serviceName}/udp/farm']['body'];
}

/**
 * Path segments (not a pre-encoded string): the client encodes each segment once, so a service
 * name with unusual characters is never encoded twice.
 */
export const farmsPath = (serviceName: string, protocol: Protocol) => ['ipLoadbalancing', serviceName, protocol, 'farm'];
export const farmPath = (serviceName: string, protocol: Protocol, farmId: number) => [
  ...farmsPath(serviceName, protocol),
  farmId,
];

/** Every farm of one protocol, full objects, in one expanded-list request. */
export const listFarms = <P extends Protocol>(serviceName: string, protocol: P, signal?: AbortSignal) =>
  api().list<FarmByProtocol[P]>(farmsPath(serviceName, protocol), { signal });

export const getFarm = <P extends Protocol>(serviceName: string, protocol: P, farmId: number, signal?: AbortSignal) =>
  api().request<FarmByProtocol[P]>('GET', farmPath(serviceName, protocol, farmId), { signal });

export const createFarm = <P extends Protocol>(serviceName: string, protocol: P, body: FarmCreateBodyByProtocol[P]) =>
  api().request<FarmByProtocol[P]>('POST', farmsPath(serviceName, protocol), { body });

/** PUT takes the whole object as GET returned it, with the changes. */
export const updateFarm = <P extends Protocol>(serviceName: string, protocol: P, farm: FarmByProtocol[P]) =>
  api().request<null>('PUT', farmPath(serviceName, protocol, farm.farmId), { body: farm });

export const deleteFarm = (serviceName: string, protocol: Protocol, farmId: number) =>
  api().request<null>('DELETE', farmPath(serviceName, protocol, farmId));

export const listAvailableFarmProbes = (serviceName: string, signal?: AbortSignal) =>
  api().request<FarmAvailableProbe[]>('GET', ['ipLoadbalancing', serviceName, 'availableFarmProbes'], { signal });

/** A farm's label for people: its display name, or "Farm #id". */
export const farmLabel = (farm: { farmId: number; displayName: string | null }) =>
  farm.displayName?.trim() ? farm.displayName : `Farm #${farm.farmId}`;

export const farmQueries = {
  /** prefix of every farm query of a service: invalidate it after any farm write */
  all: (serviceName: string) => iplbKeys.resource(serviceName, 'farms'),
  byProtocol: (serviceName: string, protocol: Protocol) => [...farmQueries.all(serviceName), protocol] as const,
  list: <P extends Protocol>(serviceName: string, protocol: P) =>
    queryOptions({
      queryKey: [...farmQueries.byProtocol(serviceName, protocol), 'list'] as const,
      queryFn: ({ signal }) => listFarms(serviceName, protocol, signal),
    }),
  detail: <P extends Protocol>(serviceName: string, protocol: P, farmId: number) =>
    queryOptions({
      queryKey: [...farmQueries.byProtocol(serviceName, protocol), 'detail', farmId] as const,
      queryFn: ({ signal }) => getFarm(serviceName, protocol, farmId, signal),
    }),
  /** the probe catalogue: it does not change while the app runs */
  availableProbes: (serviceName: string) =>
    queryOptions({
      queryKey: iplbKeys.resource(serviceName, 'availableFarmProbes'),
      queryFn: ({ signal }) => listAvailableFarmProbes(serviceName, signal),
      staleTime: Infinity,
    }),
};
