import { mutationOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import type { BackendCustomerServerStatusEnum } from '@/api/generated';
import { describeError } from '@/lib/describe-error';
import { serverChange } from '@/lib/iplb/change-summaries';
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
      meta: {
        change: (server: unknown) =>
          serverChange(queryClient, serviceName, protocol, server as ServerByProtocol[P], 'added'),
      },
      onSettled: () => invalidateServerData(queryClient, serviceName),
    }),
  );
}

export function useUpdateServer<P extends Protocol>(serviceName: string, protocol: P) {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationFn: (server: ServerByProtocol[P]) => updateServer(serviceName, protocol, server),
      meta: {
        change: (_: unknown, server: unknown) =>
          serverChange(queryClient, serviceName, protocol, server as ServerByProtocol[P], 'updated'),
      },
      onSettled: () => invalidateServerData(queryClient, serviceName),
    }),
  );
}

/** What a delete needs: the ids, and the address and name for the Apply preview. */
export type DeletedServer = {
  backendId: number;
  serverId: number;
  address: string;
  displayName: string | null;
  port: number | null;
};

export function useDeleteServer(serviceName: string, protocol: Protocol) {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationFn: (server: DeletedServer) => deleteServer(serviceName, protocol, server.backendId, server.serverId),
      meta: {
        change: (_: unknown, server: unknown) =>
          serverChange(queryClient, serviceName, protocol, server as DeletedServer, 'deleted'),
      },
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
      meta: {
        change: (_: unknown, variables: unknown) => {
          const { server, status } = variables as { server: ServerByProtocol[P]; status: string };
          return serverChange(queryClient, serviceName, protocol, server, status === 'active' ? 'enabled' : 'disabled');
        },
      },
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
