import { queryOptions } from '@tanstack/react-query';
import type { IpWithIAM, NatIps, Status } from '@/api/generated';
import { api } from '@/lib/api-client';
import { servicePath } from '@/lib/iplb/protocol';


export const listServices = (signal?: AbortSignal) => api().list<IpWithIAM>('/ipLoadbalancing', { signal });
export const getService = (serviceName: string, signal?: AbortSignal) =>
  api().request<IpWithIAM>('GET', servicePath(serviceName), { signal });
export const getServiceStatus = (serviceName: string, signal?: AbortSignal) =>
  api().request<Status>('GET', `${servicePath(serviceName)}/status`, { signal });
export const listNatIps = (serviceName: string, signal?: AbortSignal) =>
  api().request<NatIps[]>('GET', `${servicePath(serviceName)}/natIp`, { signal });
export const listFailoverIps = (serviceName: string, signal?: AbortSignal) =>
  api().request<string[]>('GET', `${servicePath(serviceName)}/failover`, { signal });

export const serviceQueries = {
  all: () => ['services'] as const,
  list: () => queryOptions({ queryKey: [...serviceQueries.all(), 'list'], queryFn: ({ signal }) => listServices(signal) }),
  detail: (serviceName: string) =>
    queryOptions({
      queryKey: [...serviceQueries.all(), serviceName, 'detail'],
      queryFn: ({ signal }) => getService(serviceName, signal),
    }),
  status: (serviceName: string) =>
    queryOptions({
      queryKey: [...serviceQueries.all(), serviceName, 'status'],
      queryFn: ({ signal }) => getServiceStatus(serviceName, signal),
    }),
  natIps: (serviceName: string) =>
    queryOptions({
      queryKey: [...serviceQueries.all(), serviceName, 'natIp'],
      queryFn: ({ signal }) => listNatIps(serviceName, signal),
    }),
  failoverIps: (serviceName: string) =>
    queryOptions({
      queryKey: [...serviceQueries.all(), serviceName, 'failover'],
      queryFn: ({ signal }) => listFailoverIps(serviceName, signal),
    }),
};
