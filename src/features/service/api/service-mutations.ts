import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Ip } from '@/api/generated';
import { serviceQueries } from '@/features/service/api/service-queries';
import { api } from '@/lib/api-client';
import { servicePath } from '@/lib/iplb/protocol';

export const updateService = (serviceName: string, service: Ip) =>
  api().request<null>('PUT', servicePath(serviceName), { body: service });

export function useUpdateService(serviceName: string) {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationFn: (service: Ip) => updateService(serviceName, service),
      onSettled: () => queryClient.invalidateQueries({ queryKey: serviceQueries.all() }),
    }),
  );
}
