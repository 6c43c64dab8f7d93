import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCopy, IconPencil, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { BackendHttp } from '@/api/generated';
import { PageHeader } from '@/components/page-header';
import { frontendsUsingFarmQuery } from '@/features/farms/api/farm-context-queries';
import { useDeleteFarm } from '@/features/farms/api/farm-mutations';
import { FarmDrawer } from '@/features/farms/components/farm-drawer';
import type { FarmFormMode } from '@/features/farms/components/farm-form';
import { describeProbe } from '@/features/farms/components/probe-values';
import { describeError } from '@/lib/describe-error';
import { farmLabel } from '@/lib/iplb/farm-queries';
import { protocolLabels, type FarmByProtocol, type Protocol } from '@/lib/iplb/protocol';
import { hasRoutes, routeQueries, routesTargetingFarm } from '@/lib/iplb/route-queries';
import { serverQueries } from '@/lib/iplb/server-queries';

function Field({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <Stack gap={2} style={wide ? { gridColumn: 'span 2' } : undefined}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

const dim = (text: string) => (
  <Text size="sm" c="dimmed" span>
    {text}
  </Text>
);

/** A farm's settings with Edit / Clone / Delete; the delete confirmation names what uses the farm. */
export function FarmDetails<P extends Protocol>({ serviceName, protocol, farm }: { serviceName: string; protocol: P; farm: FarmByProtocol[P] }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [drawer, setDrawer] = useState<FarmFormMode<P> | null>(null);
  const [checking, setChecking] = useState(false);
  const servers = useQuery(serverQueries.list(serviceName, protocol, farm.farmId));
  const listPath = `/services/${encodeURIComponent(serviceName)}/farms/${protocol}`;
  const remove = useDeleteFarm(serviceName, protocol, { onDeleted: () => navigate(listPath) });
  const full = 'probe' in farm ? (farm as BackendHttp) : null;
  const name = farmLabel(farm);

  const confirmDelete = async () => {
    setChecking(true);
    let frontends: { frontendId: number; displayName: string | null; port: string }[] = [];
    let routes: { routeId: number; displayName: string | null }[] = [];
    try {
      [frontends, routes] = await Promise.all([
        queryClient.fetchQuery(frontendsUsingFarmQuery(serviceName, protocol, farm.farmId)),
        hasRoutes(protocol)
          ? queryClient.fetchQuery(routeQueries.list(serviceName, protocol)).then((list) => routesTargetingFarm(list, farm.farmId))
          : Promise.resolve([]),
      ]);
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not check what uses this farm', message: describeError(error) });
      return;
    } finally {
      setChecking(false);
    }
    const serverCount = servers.data?.length ?? 0;
    const used = frontends.length + routes.length > 0;
    modals.openConfirmModal({
      closeButtonProps: { 'aria-label': 'Close' },
      title: `Delete farm ${name}?`,
      children: (
        <Stack gap="xs">
          {used ? (
            <>
              <Text size="sm" c="red" fw={500}>
                This farm is still in use. The API refuses to delete it until these point to another farm:
              </Text>
              <List size="sm">
                {frontends.map((frontend) => (
                  <List.Item key={`f${frontend.frontendId}`}>
                    Frontend {frontend.displayName ?? `#${frontend.frontendId}`} (port {frontend.port}) — default farm
                  </List.Item>
                ))}
                {routes.map((route) => (
                  <List.Item key={`r${route.routeId}`}>Route {route.displayName ?? `#${route.routeId}`} — sends traffic here</List.Item>
                ))}
              </List>
            </>
          ) : (
            <Text size="sm">No frontend or route uses this farm.</Text>
          )}
          <Text size="sm">
            {serverCount > 0
              ? `Its ${serverCount} server${serverCount === 1 ? ' is' : 's are'} deleted with it.`
              : 'It has no server.'}{' '}
            This cannot be undone.
          </Text>
        </Stack>
      ),
      labels: { confirm: 'Delete farm', cancel: 'Cancel' },
      confirmProps: { color: 'red', disabled: used },
      onConfirm: () => remove.mutate(farm),
    });
  };

  return (
    <Stack gap="sm">
      <Anchor component={Link} to={listPath} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden /> {protocolLabels[protocol]} farms
        </Group>
      </Anchor>
      <PageHeader
        title={
          <Group gap="xs" component="span">
            {name}
            <Badge variant="light">{protocolLabels[protocol]}</Badge>
          </Group>
        }
        description={`Farm #${farm.farmId} in zone ${farm.zone}`}
        actions={
          <>
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setDrawer({ kind: 'edit', farm })}>
              Edit
            </Button>
            <Button
              variant="default"
              leftSection={<IconCopy size={16} />}
              disabled={servers.isPending}
              onClick={() => setDrawer({ kind: 'clone', farm, servers: servers.data ?? [] })}
            >
              Clone
            </Button>
            <Button color="red" variant="light" leftSection={<IconTrash size={16} />} loading={checking || remove.isPending} onClick={confirmDelete}>
              Delete
            </Button>
          </>
        }
      />
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
          <Field label="Zone">{farm.zone}</Field>
          <Field label="Port">{farm.port ?? dim("the frontend's port (not set)")}</Field>
          {full ? (
            <>
              <Field label="Balance">{full.balance ?? dim('roundrobin (default)')}</Field>
              <Field label="Stickiness">{full.stickiness ?? dim('none')}</Field>
              <Field label="Health check" wide>{full.probe ? describeProbe(full.probe) : dim(describeProbe(null))}</Field>
            </>
          ) : null}
          {farm.vrackNetworkId !== null ? <Field label="vRack network">{farm.vrackNetworkId}</Field> : null}
        </SimpleGrid>
      </Card>
      <FarmDrawer
        serviceName={serviceName}
        protocol={protocol}
        mode={drawer}
        onClose={() => setDrawer(null)}
        onDone={(next) => {
          setDrawer(null);
          if (next.farmId !== farm.farmId) navigate(`${listPath}/${next.farmId}`);
        }}
      />
    </Stack>
  );
}
