import { mutationOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import type { BackendCustomerServerStatusEnum } from '@/api/generated';
import { describeError } from '@/lib/describe-error';
import { invalidatePendingChanges } from '@/lib/iplb/pending-changes';
import type { Protocol, ServerByProtocol } from '@/lib/iplb/protocol';
import {
  createServer,
  deleteServer,
  serverLabel,
  serverQueries,
  updateServer,
  type ServerCreateBodyByProtocol,
} from '@/lib/iplb/server-queries';

/** After any server write: every server list of the service, and the pending changes. */
export function invalidateServerData(queryClient: QueryClient, serviceName: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: serverQueries.all(serviceName) }),
    invalidatePendingChanges(queryClient, serviceName),
  ]);
}

export function useCreateServer<P extends Protocol>(serviceName: string, protocol: P) {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationFn: ({ farmId, body }: { farmId: number; body: ServerCreateBodyByProtocol[P] }) =>
        createServer(serviceName, protocol, farmId, body),
      onSettled: () => invalidateServerData(queryClient, serviceName),
    }),
  );
}

export function useUpdateServer<P extends Protocol>(serviceName: string, protocol: P) {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationFn: (server: ServerByProtocol[P]) => updateServer(serviceName, protocol, server),
      onSettled: () => invalidateServerData(queryClient, serviceName),
    }),
  );
}

export function useDeleteServer(serviceName: string, protocol: Protocol) {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationFn: (server: { backendId: number; serverId: number }) =>
        deleteServer(serviceName, protocol, server.backendId, server.serverId),
      onSettled: () => invalidateServerData(queryClient, serviceName),
    }),
  );
}

/**
 * The enable/disable switch: the cached list shows the new status at once; on refusal the list is
 * put back as it was and a notification gives the API's message.
 */
export function useSetServerStatus<P extends Protocol>(serviceName: string, protocol: P) {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationFn: ({ server, status }: { server: ServerByProtocol[P]; status: BackendCustomerServerStatusEnum }) =>
        updateServer(serviceName, protocol, { ...server, status }),
      onMutate: async ({ server, status }) => {
        const { queryKey } = serverQueries.list(serviceName, protocol, server.backendId);
        await queryClient.cancelQueries({ queryKey });
        const previous = queryClient.getQueryData(queryKey);
        queryClient.setQueryData(queryKey, (list) =>
          list?.map((item) => (item.serverId === server.serverId ? { ...item, status } : item)),
        );
        return { previous, queryKey };
      },
      onError: (error, { server, status }, context) => {
        if (context) queryClient.setQueryData(context.queryKey, context.previous);
        notifications.show({
          color: 'red',
          title: `${serverLabel(server)} could not be ${status === 'active' ? 'enabled' : 'disabled'}`,
          message: describeError(error),
        });
      },
      onSuccess: (_data, { server, status }) => {
        notifications.show({
          color: 'green',
          title: `${serverLabel(server)} ${status === 'active' ? 'enabled' : 'disabled'}`,
          message: 'Apply the configuration to make the change live.',
        });
      },
      onSettled: () => invalidateServerData(queryClient, serviceName),
    }),
  );
}
