import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { describeError } from '@/lib/describe-error';
import {
  createFrontend,
  deleteFrontend,
  frontendName,
  frontendQueries,
  updateFrontend,
  type FrontendCreateBodyByProtocol,
} from '@/lib/iplb/frontend-queries';
import { frontendChange } from '@/lib/iplb/change-summaries';
import { invalidatePendingChanges } from '@/lib/iplb/pending-changes';
import type { AnyFrontend, FrontendByProtocol, Protocol } from '@/lib/iplb/protocol';

/** After any frontend write: the frontend lists and details of the service, and the pending changes. */
function invalidateAfterWrite(queryClient: QueryClient, serviceName: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: frontendQueries.all(serviceName) }),
    invalidatePendingChanges(queryClient, serviceName),
  ]);
}

export function useCreateFrontend<P extends Protocol>(serviceName: string, protocol: P) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FrontendCreateBodyByProtocol[P]) => createFrontend(serviceName, protocol, body),
    meta: { change: (frontend: unknown) => frontendChange(serviceName, protocol, frontend as AnyFrontend, 'created') },
    onSuccess: (frontend) =>
      notifications.show({
        color: 'green',
        title: `Frontend ${frontendName(frontend)} created`,
        message: 'Apply the configuration to make it live.',
      }),
    onSettled: () => invalidateAfterWrite(queryClient, serviceName),
  });
}

export function useUpdateFrontend<P extends Protocol>(serviceName: string, protocol: P) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (frontend: FrontendByProtocol[P]) => updateFrontend(serviceName, protocol, frontend),
    meta: { change: (_: unknown, frontend: unknown) => frontendChange(serviceName, protocol, frontend as AnyFrontend, 'updated') },
    onSuccess: (_result, frontend) =>
      notifications.show({
        color: 'green',
        title: `Frontend ${frontendName(frontend)} saved`,
        message: 'Apply the configuration to make the change live.',
      }),
    onSettled: () => invalidateAfterWrite(queryClient, serviceName),
  });
}

export function useDeleteFrontend(serviceName: string, protocol: Protocol) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (frontend: AnyFrontend) => deleteFrontend(serviceName, protocol, frontend.frontendId),
    meta: { change: (_: unknown, frontend: unknown) => frontendChange(serviceName, protocol, frontend as AnyFrontend, 'deleted') },
    onSuccess: (_result, frontend) =>
      notifications.show({
        color: 'green',
        title: `Frontend ${frontendName(frontend)} deleted`,
        message: 'Apply the configuration to remove it from the load balancer.',
      }),
    onSettled: () => invalidateAfterWrite(queryClient, serviceName),
  });
}

/**
 * The enabled switch of a row: saves at once (PUT of the whole object with `disabled` flipped),
 * shows the new state immediately, and puts the old one back with a notification if the API refuses.
 */
export function useSetFrontendDisabled<P extends Protocol>(serviceName: string, protocol: P) {
  const queryClient = useQueryClient();
  const listKey = frontendQueries.list(serviceName, protocol).queryKey;
  return useMutation({
    mutationFn: ({ frontend, disabled }: { frontend: FrontendByProtocol[P]; disabled: boolean }) =>
      updateFrontend(serviceName, protocol, { ...frontend, disabled }),
    meta: {
      change: (_: unknown, variables: unknown) => {
        const { frontend, disabled } = variables as { frontend: AnyFrontend; disabled: boolean };
        return frontendChange(serviceName, protocol, frontend, disabled ? 'disabled' : 'enabled');
      },
    },
    onMutate: async ({ frontend, disabled }) => {
      await queryClient.cancelQueries({ queryKey: listKey });
      const previous = queryClient.getQueryData(listKey);
      queryClient.setQueryData(listKey, (list) =>
        list?.map((item) => (item.frontendId === frontend.frontendId ? { ...item, disabled } : item)),
      );
      return { previous };
    },
    onError: (error, { frontend, disabled }, context) => {
      if (context?.previous) queryClient.setQueryData(listKey, context.previous);
      notifications.show({
        color: 'red',
        title: `Could not ${disabled ? 'disable' : 'enable'} ${frontendName(frontend)}`,
        message: describeError(error),
        autoClose: false,
      });
    },
    onSuccess: (_result, { frontend, disabled }) =>
      notifications.show({
        color: 'green',
        title: `Frontend ${frontendName(frontend)} ${disabled ? 'disabled' : 'enabled'}`,
        message: 'Apply the configuration to make the change live.',
      }),
    onSettled: () => invalidateAfterWrite(queryClient, serviceName),
  });
}
