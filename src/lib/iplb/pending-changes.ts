import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { PendingChanges } from '@/api/generated';
import { api } from '@/lib/api-client';
import { iplbKeys } from '@/lib/iplb/keys';
import { servicePath } from '@/lib/iplb/protocol';

export const listPendingChanges = (serviceName: string, signal?: AbortSignal) =>
  api().request<PendingChanges[]>('GET', `${servicePath(serviceName)}/pendingChanges`, { signal });

export const pendingChangesQuery = (serviceName: string) =>
  queryOptions({
    queryKey: iplbKeys.pendingChanges(serviceName),
    queryFn: ({ signal }) => listPendingChanges(serviceName, signal),
  });

/** Every configuration write changes the pending changes: call this from each mutation's onSettled. */
export const invalidatePendingChanges = (queryClient: QueryClient, serviceName: string) =>
  queryClient.invalidateQueries({ queryKey: iplbKeys.pendingChanges(serviceName) });
