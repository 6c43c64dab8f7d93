import { queryOptions } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { iplbKeys } from '@/lib/iplb/keys';

/** `GET /zone`: every zone of the load balancer (the pending changes may not list a zone with nothing to apply). */
export const listServiceZones = (serviceName: string, signal?: AbortSignal) =>
  api().request<string[]>('GET', ['ipLoadbalancing', serviceName, 'zone'], { signal });

export const serviceZonesQuery = (serviceName: string) =>
  queryOptions({
    queryKey: iplbKeys.resource(serviceName, 'zones'),
    queryFn: ({ signal }) => listServiceZones(serviceName, signal),
    staleTime: 10 * 60_000,
  });
