import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { EmptyState } from '@/components/empty-state';
import { useUrlSort } from '@/components/url-state';
import { AddServerDrawer, ServersTable, type ServerRow } from '@/features/servers/components/servers-table';
import { describeError } from '@/lib/describe-error';
import { farmLabel } from '@/lib/iplb/farm-queries';
import type { FarmByProtocol, Protocol } from '@/lib/iplb/protocol';
import { serverQueries } from '@/lib/iplb/server-queries';

/** The servers of one farm (its page), with "Add server". */
export function FarmServers<P extends Protocol>({ serviceName, protocol, farm }: { serviceName: string; protocol: P; farm: FarmByProtocol[P] }) {
  const servers = useQuery(serverQueries.list(serviceName, protocol, farm.farmId));
  const [adding, setAdding] = useState(false);
  const [sort, setSort] = useUrlSort('sort', { columnId: 'address', direction: 'asc' });
  const rows = useMemo(() => (servers.data ?? []).map((server): ServerRow<P> => ({ server, farm })), [servers.data, farm]);

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h4">
          Servers{servers.data ? ` (${servers.data.length})` : ''}
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
          Add server
        </Button>
      </Group>
      {servers.error ? (
        <Alert color="red" title="The servers could not be loaded">
          {describeError(servers.error)}
        </Alert>
      ) : null}
      {/* the table stays when the last server goes (e.g. a bulk delete): its open dialogs stay with it */}
      <ServersTable
        serviceName={serviceName}
        protocol={protocol}
        rows={rows}
        loading={servers.isPending}
        sort={sort}
        onSortChange={setSort}
        label={`Servers of ${farmLabel(farm)}`}
        empty={
          <EmptyState title="This farm has no server yet" actionLabel="Add server" onAction={() => setAdding(true)}>
            Add the machines that will receive traffic: {farmLabel(farm)} sends nothing anywhere until it has an active server.
          </EmptyState>
        }
      />
      <AddServerDrawer serviceName={serviceName} protocol={protocol} farm={farm} opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}
