import { Alert, Button, Group, List, Loader, Modal, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useDeleteFrontend } from '@/features/frontends/api/frontend-mutations';
import { describeError } from '@/lib/describe-error';
import { frontendName, frontendQueries } from '@/lib/iplb/frontend-queries';
import { protocolLabels, type AnyFrontend, type Protocol } from '@/lib/iplb/protocol';

const routeName = (route: { routeId: number; displayName: string | null }) =>
  route.displayName?.trim() ? `${route.displayName} (#${route.routeId})` : `Route #${route.routeId}`;

/** Confirms a delete, naming the frontend and the routes attached to it (`GET /{protocol}/route?frontendId=`). */
export function DeleteFrontendModal({
  serviceName,
  protocol,
  frontend,
  onClose,
}: {
  serviceName: string;
  protocol: Protocol;
  frontend: AnyFrontend | null;
  onClose: () => void;
}) {
  const routes = useQuery({
    ...frontendQueries.routes(serviceName, protocol, frontend?.frontendId ?? 0),
    enabled: frontend !== null && protocol !== 'udp',
  });
  const remove = useDeleteFrontend(serviceName, protocol);
  const close = () => {
    remove.reset();
    onClose();
  };
  const name = frontend ? frontendName(frontend) : '';
  const attached = routes.data ?? [];

  return (
    <Modal opened={frontend !== null} onClose={close} title={`Delete frontend ${name}?`} closeButtonProps={{ 'aria-label': 'Close' }}>
      {frontend ? (
        <>
          <Text size="sm">
            {protocolLabels[protocol]} frontend <strong>{name}</strong> (#{frontend.frontendId}) listening on port{' '}
            {frontend.port} in {frontend.zone === 'all' ? 'all zones' : `zone ${frontend.zone}`} will be removed. Clients of
            this port will no longer be answered once the configuration is applied.
          </Text>
          {protocol !== 'udp' ? (
            routes.isPending ? (
              <Group gap="xs" mt="sm">
                <Loader size="xs" />
                <Text size="sm">Checking the routes attached to it…</Text>
              </Group>
            ) : routes.isError ? (
              <Text size="sm" c="red" mt="sm">
                Could not check its routes: {describeError(routes.error)}
              </Text>
            ) : attached.length > 0 ? (
              <Alert color="orange" mt="sm" title={`${attached.length} route${attached.length > 1 ? 's are' : ' is'} attached to it`}>
                <List size="sm">
                  {attached.map((route) => (
                    <List.Item key={route.routeId}>{routeName(route)}</List.Item>
                  ))}
                </List>
                <Text size="sm" mt="xs">
                  The API refuses to delete a frontend that routes still use: delete these routes or attach them to another
                  frontend first.
                </Text>
              </Alert>
            ) : (
              <Text size="sm" mt="sm" c="dimmed">
                No route is attached to it.
              </Text>
            )
          ) : null}
          {remove.error ? (
            <Alert color="red" mt="sm" role="alert" title="The API refused the delete">
              {describeError(remove.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(frontend, { onSuccess: close })}>
              Delete {name}
            </Button>
          </Group>
        </>
      ) : null}
    </Modal>
  );
}
