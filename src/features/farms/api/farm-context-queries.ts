import { queryOptions } from '@tanstack/react-query';
import type { Ip } from '@/api/generated';
import { api } from '@/lib/api-client';
import { iplbKeys } from '@/lib/iplb/keys';
import type { AnyFrontend, Protocol } from '@/lib/iplb/protocol';

/** The load balancer itself: its zones (where a farm can live) and whether it is attached to a vRack. */
export const serviceContextQuery = (serviceName: string) =>
  queryOptions({
    queryKey: iplbKeys.resource(serviceName, 'farm-form-context'),
    queryFn: ({ signal }) => api().request<Ip>('GET', ['ipLoadbalancing', serviceName], { signal }),
    staleTime: 5 * 60_000,
  });

/**
 * Frontends whose default farm is this one, with the API's own filter (`?defaultFarmId=`) and full
 * objects in one request. Keyed under "frontends" so that any frontend write refreshes it.
 */
export const frontendsUsingFarmQuery = (serviceName: string, protocol: Protocol, farmId: number) =>
  queryOptions({
    queryKey: [...iplbKeys.resource(serviceName, 'frontends'), protocol, 'byDefaultFarm', farmId] as const,
    queryFn: ({ signal }) =>
      api().list<AnyFrontend>(['ipLoadbalancing', serviceName, protocol, 'frontend'], {
        query: { defaultFarmId: farmId },
        signal,
      }),
  });
