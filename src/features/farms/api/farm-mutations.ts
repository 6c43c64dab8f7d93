import { mutationOptions, useMutation, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { describeError } from '@/lib/describe-error';
import { createFarm, deleteFarm, farmLabel, farmQueries, updateFarm, type FarmCreateBodyByProtocol } from '@/lib/iplb/farm-queries';
import { farmChange } from '@/lib/iplb/change-summaries';
import { invalidatePendingChanges } from '@/lib/iplb/pending-changes';
import type { FarmByProtocol, Protocol } from '@/lib/iplb/protocol';
import { serverQueries } from '@/lib/iplb/server-queries';

/** After any farm write: farm lists and details, server lists (a deleted farm takes its servers), pending changes. */
export function invalidateFarmData(queryClient: QueryClient, serviceName: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: farmQueries.all(serviceName) }),
    queryClient.invalidateQueries({ queryKey: serverQueries.all(serviceName) }),
    invalidatePendingChanges(queryClient, serviceName),
  ]);
}

export function useCreateFarm<P extends Protocol>(serviceName: string, protocol: P) {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationFn: (body: FarmCreateBodyByProtocol[P]) => createFarm(serviceName, protocol, body),
      meta: { change: (farm: unknown) => farmChange(serviceName, protocol, farm as FarmByProtocol[P], 'created') },
      onSettled: () => invalidateFarmData(queryClient, serviceName),
    }),
  );
}

export function useUpdateFarm<P extends Protocol>(serviceName: string, protocol: P) {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationFn: (farm: FarmByProtocol[P]) => updateFarm(serviceName, protocol, farm),
      meta: { change: (_: unknown, farm: unknown) => farmChange(serviceName, protocol, farm as FarmByProtocol[P], 'updated') },
      onSettled: () => invalidateFarmData(queryClient, serviceName),
    }),
  );
}

/** What a delete needs: the id, the name for the notification, the zone for the Apply preview. */
export type DeletedFarm = { farmId: number; displayName: string | null; zone: string };

/**
 * Removes a query from the cache as soon as no component shows it (at once when none does). A query
 * removed while a component still shows it would be created again, and fetched, by that component's
 * next render: for a deleted object, a 404. Until then it stays as it was (not invalidated: no refetch).
 */
function removeOnceUnobserved(queryClient: QueryClient, queryKey: QueryKey) {
  const cache = queryClient.getQueryCache();
  const query = cache.find({ queryKey, exact: true });
  if (!query) return;
  if (query.getObserversCount() === 0) {
    cache.remove(query);
    return;
  }
  const unsubscribe = cache.subscribe((event) => {
    if (event.query !== query) return;
    if (event.type === 'removed') unsubscribe();
    else if (event.type === 'observerRemoved' && query.getObserversCount() === 0) {
      unsubscribe();
      cache.remove(query);
    }
  });
}

export interface DeleteFarmOptions {
  /**
   * Runs once the API has deleted the farm: leave the farm's own page here. Its queries are removed
   * (never refetched) once that page is gone.
   */
  onDeleted?: (farmId: number) => void;
}

/**
 * Deletes a farm. On success: the farm leaves the cached farm list at once (so no view asks for its
 * servers), its detail and server-list queries are removed (not refetched), and only the lists are
 * invalidated. No request for the deleted farm is made afterwards.
 */
export function useDeleteFarm(serviceName: string, protocol: Protocol, options: DeleteFarmOptions = {}) {
  const queryClient = useQueryClient();
  const { onDeleted } = options;
  return useMutation(
    mutationOptions({
      mutationFn: (farm: DeletedFarm) => deleteFarm(serviceName, protocol, farm.farmId),
      meta: { change: (_: unknown, farm: unknown) => farmChange(serviceName, protocol, farm as DeletedFarm, 'deleted') },
      onSuccess: async (_data, farm) => {
        const { farmId } = farm;
        notifications.show({
          color: 'green',
          title: `Farm ${farmLabel(farm)} deleted`,
          message: 'Apply the configuration to remove it from the load balancer.',
        });
        const detailKey = farmQueries.detail(serviceName, protocol, farmId).queryKey;
        const serversKey = serverQueries.list(serviceName, protocol, farmId).queryKey;
        await queryClient.cancelQueries({ queryKey: detailKey });
        await queryClient.cancelQueries({ queryKey: serversKey });
        queryClient.setQueryData(farmQueries.list(serviceName, protocol).queryKey, (list) =>
          list?.filter((item) => item.farmId !== farmId),
        );
        onDeleted?.(farmId);
        removeOnceUnobserved(queryClient, detailKey);
        removeOnceUnobserved(queryClient, serversKey);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: farmQueries.list(serviceName, protocol).queryKey }),
          invalidatePendingChanges(queryClient, serviceName),
        ]);
      },
      onError: (error, farm) => {
        notifications.show({ color: 'red', title: `Farm ${farmLabel(farm)} not deleted`, message: describeError(error), autoClose: false });
        // nothing changed on the API's side, but another tab may have changed the farm: reload it
        return invalidateFarmData(queryClient, serviceName);
      },
    }),
  );
}
