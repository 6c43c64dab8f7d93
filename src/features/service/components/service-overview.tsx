import { Badge, Card, Group, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { StatusComponent } from '@/api/generated';
import { serviceQueries } from '@/features/service/api/service-queries';
import { RenameService } from '@/features/service/components/rename-service';
import { describeError } from '@/lib/describe-error';
import classes from '@/features/service/components/service-overview.module.css';

const statusColors = { ok: 'green', warn: 'yellow', error: 'red', unknown: 'gray' } as const;

interface ComponentTileProps {
  title: string;
  component: StatusComponent | undefined;
  /** where the tile leads: the list of these objects */
  to: string;
  /** said when there are none */
  emptyHint: string;
}

function ComponentTile({ title, component, to, emptyHint }: ComponentTileProps) {
  return (
    <Card withBorder padding="md" aria-label={`${title} status`} component={Link} to={to} className={classes.tile}>
      <Text size="sm" c="dimmed">
        {title}
      </Text>
      {component?.total === 0 ? (
        <>
          <Text size="xl" fw={700}>
            0
          </Text>
          <Text size="sm" mt="xs">
            {emptyHint}
          </Text>
        </>
      ) : component ? (
        <>
          <Text size="xl" fw={700}>
            {component.total}
          </Text>
          <Group gap={4} mt="xs">
            {(Object.keys(statusColors) as (keyof typeof statusColors)[])
              .filter((key) => component.status[key] > 0)
              .map((key) => (
                <Badge key={key} color={statusColors[key]} variant="light">
                  {component.status[key]} {key}
                </Badge>
              ))}
          </Group>
        </>
      ) : (
        <Skeleton h={48} />
      )}
    </Card>
  );
}

export function ServiceOverview({ serviceName }: { serviceName: string }) {
  const service = useQuery(serviceQueries.detail(serviceName));
  const status = useQuery(serviceQueries.status(serviceName));
  const natIps = useQuery(serviceQueries.natIps(serviceName));
  const failover = useQuery(serviceQueries.failoverIps(serviceName));

  const base = `/services/${encodeURIComponent(serviceName)}`;
  if (service.error) return <Text c="red">{describeError(service.error)}</Text>;
  const ip = service.data;
  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Group gap="xs">
            <Title order={2}>{ip?.displayName ?? serviceName}</Title>
            {ip ? <RenameService key={ip.displayName} service={ip} /> : null}
          </Group>
          <Text c="dimmed" size="sm">
            {serviceName}
            {ip ? ` · ${ip.offer}` : ''}
          </Text>
        </div>
        {status.data ? (
          <Badge size="lg" color={statusColors[status.data.service.status]}>
            Service {status.data.service.status}
          </Badge>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <ComponentTile
          title="Frontends"
          component={status.data?.frontends}
          to={`${base}/frontends/http`}
          emptyHint="A frontend listens on a port and sends traffic to a farm. Create one →"
        />
        <ComponentTile
          title="Farms"
          component={status.data?.farms}
          to={`${base}/farms/http`}
          emptyHint="A farm is the group of servers that receives the traffic. Create one →"
        />
        <ComponentTile
          title="Servers"
          component={status.data?.servers}
          to={`${base}/servers/http`}
          emptyHint="Servers are added inside a farm. Open the farms →"
        />
      </SimpleGrid>
      <Card withBorder>
        <Title order={4} mb="sm">
          Addresses and zones
        </Title>
        <Table variant="vertical" layout="fixed" withTableBorder={false}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={200}>IPv4</Table.Th>
              <Table.Td>{ip?.ipv4 ?? '—'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>IPv6</Table.Th>
              <Table.Td>{ip?.ipv6 ?? '—'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Zones</Table.Th>
              <Table.Td>{ip?.zone.join(', ') ?? '—'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>State</Table.Th>
              <Table.Td>{ip?.state ?? '—'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>SSL ciphers</Table.Th>
              <Table.Td>{ip ? (ip.sslConfiguration ?? 'intermediate (default)') : '—'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Failover IPs</Table.Th>
              <Table.Td>{failover.data?.length ? failover.data.join(', ') : 'None'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>NAT IPs (allow them on your servers)</Table.Th>
              <Table.Td>
                {natIps.data?.map((nat) => `${nat.zone}: ${nat.ip.join(', ')}`).join(' · ') || '—'}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
