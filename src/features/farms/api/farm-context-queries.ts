import { queryOptions } from '@tanstack/react-query';
import type { Ip } from '@/api/generated';
import { api } from '@/lib/api-client';
import { iplbKeys } from '@/lib/iplb/keys';

/** The load balancer itself: its zones (where a farm can live) and whether it is attached to a vRack. */
export const serviceContextQuery = (serviceName: string) =>
  queryOptions({
    queryKey: iplbKeys.resource(serviceName, 'farm-form-context'),
    queryFn: ({ signal }) => api().request<Ip>('GET', ['ipLoadbalancing', serviceName], { signal }),
    staleTime: 5 * 60_000,
  });
