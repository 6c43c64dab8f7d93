import { mutationOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createFarm, deleteFarm, farmQueries, updateFarm, type FarmCreateBodyByProtocol } from '@/lib/iplb/farm-queries';
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
      onSettled: () => invalidateFarmData(queryClient, serviceName),
    }),
  );
}

export function useUpdateFarm<P extends Protocol>(serviceName: string, protocol: P) {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationFn: (farm: FarmByProtocol[P]) => updateFarm(serviceName, protocol, farm),
      onSettled: () => invalidateFarmData(queryClient, serviceName),
    }),
  );
}

export function useDeleteFarm(serviceName: string, protocol: Protocol) {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationFn: (farmId: number) => deleteFarm(serviceName, protocol, farmId),
      onSuccess: (_data, farmId) =>
        queryClient.removeQueries({ queryKey: farmQueries.detail(serviceName, protocol, farmId).queryKey }),
      onSettled: () => invalidateFarmData(queryClient, serviceName),
    }),
  );
}
