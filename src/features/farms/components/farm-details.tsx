import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconCopy, IconPencil, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { BackendHttp } from '@/api/generated';
import { PageHeader } from '@/components/page-header';
import { FarmDrawer } from '@/features/farms/components/farm-drawer';
import { FarmUsedBy } from '@/features/farms/components/farm-used-by';
import type { FarmFormMode } from '@/features/farms/components/farm-form';
import { describeProbe } from '@/features/farms/components/probe-values';
import { useConfirmFarmDelete } from '@/features/farms/components/use-confirm-farm-delete';
import { farmLabel } from '@/lib/iplb/farm-queries';
import { protocolLabels, type FarmByProtocol, type Protocol } from '@/lib/iplb/protocol';
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

/** A farm's settings and what uses it, with Edit / Clone / Delete; the delete confirmation names what uses the farm. */
export function FarmDetails<P extends Protocol>({ serviceName, protocol, farm }: { serviceName: string; protocol: P; farm: FarmByProtocol[P] }) {
  const navigate = useNavigate();
  const [drawer, setDrawer] = useState<FarmFormMode<P> | null>(null);
  const servers = useQuery(serverQueries.list(serviceName, protocol, farm.farmId));
  const listPath = `/services/${encodeURIComponent(serviceName)}/farms/${protocol}`;
  const remove = useConfirmFarmDelete(serviceName, protocol, { onDeleted: () => navigate(listPath) });
  const full = 'probe' in farm ? (farm as BackendHttp) : null;
  const name = farmLabel(farm);

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
            <Button color="red" variant="light" leftSection={<IconTrash size={16} />} loading={remove.checking !== null || remove.deleting !== null}
              onClick={() => remove.confirm(farm, servers.data?.length)}
            >
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
      <FarmUsedBy serviceName={serviceName} protocol={protocol} farmId={farm.farmId} />
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
