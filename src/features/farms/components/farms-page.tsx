import { ActionIcon, Alert, Anchor, Badge, Button, Group, Menu, Select, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconCopy, IconDots, IconPencil, IconPlus, IconSearch, IconStack2, IconTrash } from '@tabler/icons-react';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { Fragment, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { EmptyState } from '@/components/empty-state';
import { countHealth, healthLabels, healths } from '@/components/health-badge';
import { PageHeader } from '@/components/page-header';
import { ProtocolTabs } from '@/components/protocol-tabs';
import { useClearUrlParams, useUrlSort, useUrlState } from '@/components/url-state';
import { FarmDrawer } from '@/features/farms/components/farm-drawer';
import type { FarmFormMode } from '@/features/farms/components/farm-form';
import { describeProbe } from '@/features/farms/components/probe-values';
import { useConfirmFarmDelete } from '@/features/farms/components/use-confirm-farm-delete';
import { describeError } from '@/lib/describe-error';
import { farmLabel, farmQueries } from '@/lib/iplb/farm-queries';
import { iplbKeys } from '@/lib/iplb/keys';
import { protocolLabels, protocolWithArticle, protocols, type FarmByProtocol, type Protocol, type ServerByProtocol } from '@/lib/iplb/protocol';
import { useFarmsWithServers } from '@/lib/iplb/server-queries';

interface FarmRow<P extends Protocol> {
  farm: FarmByProtocol[P];
  servers: ServerByProtocol[P][] | undefined;
  error: Error | null;
}

/** A farm whose server list failed: no count, words instead of a spinner for ever. */
function ServersUnavailable() {
  return (
    <Text size="sm" c="red" span>
      servers unavailable
    </Text>
  );
}

/** Health of a farm's servers in words: "24 up · 1 down" (every state counted, never colour alone). */
function ServerCounts({ servers }: { servers: readonly ServerByProtocol[Protocol][] | undefined }) {
  if (!servers) return <Text size="sm" c="dimmed">…</Text>;
  if (servers.length === 0) return <Text size="sm" c="dimmed">no server</Text>;
  const counts = countHealth(servers);
  const active = servers.filter((server) => server.status === 'active').length;
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm" span>
        {healths
          .filter((health) => counts[health] > 0)
          .map((health, index) => (
            <Fragment key={health}>
              {index > 0 ? ' · ' : null}
              <Text span inherit c={health === 'down' ? 'red' : undefined} fw={health === 'down' ? 600 : undefined}>
                {counts[health]} {healthLabels[health]}
              </Text>
            </Fragment>
          ))}
      </Text>
      {active === 0 ? (
        <Badge size="sm" color="orange" variant="light">
          no active server
        </Badge>
      ) : null}
    </Group>
  );
}

/** The farms of one protocol: sortable, filterable (text and zone, in the URL), with server health per farm. */
export function FarmsPage<P extends Protocol>({ serviceName, protocol }: { serviceName: string; protocol: P }) {
  const navigate = useNavigate();
  const base = `/services/${encodeURIComponent(serviceName)}/farms`;
  const lists = useQueries({
    queries: protocols.map((item) => farmQueries.list(serviceName, item)),
    // a list that failed has no count (null, shown as "?"), never 0 or a spinner for ever
    combine: (results) => ({
      counts: Object.fromEntries(
        protocols.map((item, index) => [item, results[index]?.isError ? null : results[index]?.data?.length]),
      ) as Partial<Record<Protocol, number | null | undefined>>,
      errors: Object.fromEntries(protocols.map((item, index) => [item, results[index]?.error ?? null])) as Record<Protocol, Error | null>,
    }),
  });
  const { counts } = lists;
  const queryClient = useQueryClient();
  const retry = () =>
    void queryClient.refetchQueries({ queryKey: iplbKeys.service(serviceName), predicate: (query) => query.state.status === 'error' });
  const data = useFarmsWithServers(serviceName, protocol);
  const [query, setQuery] = useUrlState('q');
  const [zone, setZone] = useUrlState('zone');
  const clearFilters = useClearUrlParams('q', 'zone');
  const [sort, setSort] = useUrlSort('sort', { columnId: 'name', direction: 'asc' });
  const [drawer, setDrawer] = useState<FarmFormMode<P> | null>(null);
  const remove = useConfirmFarmDelete(serviceName, protocol);
  const full = protocol !== 'udp';

  const zones = useMemo(() => [...new Set(data.rows.map((row) => row.farm.zone))].sort(), [data.rows]);
  const rows = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return data.rows.filter(({ farm }) => {
      if (zone && farm.zone !== zone) return false;
      if (!needle) return true;
      return [farmLabel(farm), String(farm.farmId), String(farm.port ?? '')].some((text) => text.toLowerCase().includes(needle));
    });
  }, [data.rows, query, zone]);

  const columns = useMemo(() => {
    const list: DataTableColumn<FarmRow<P>>[] = [
      {
        id: 'name',
        header: 'Name',
        sortValue: (row) => farmLabel(row.farm),
        cell: (row) => (
          <Anchor component={Link} to={`${base}/${protocol}/${row.farm.farmId}`} fw={500} size="sm">
            {farmLabel(row.farm)}
          </Anchor>
        ),
      },
      { id: 'id', header: 'Id', sortValue: (row) => row.farm.farmId, cell: (row) => row.farm.farmId },
      {
        id: 'port',
        header: 'Port',
        sortValue: (row) => row.farm.port,
        cell: (row) => row.farm.port ?? <Text size="sm" c="dimmed" span>frontend's</Text>,
      },
      { id: 'zone', header: 'Zone', sortValue: (row) => row.farm.zone, cell: (row) => row.farm.zone },
    ];
    if (full) {
      const farmOf = (row: FarmRow<P>) => row.farm as FarmByProtocol['http'];
      list.push(
        {
          id: 'balance',
          header: 'Balance',
          sortValue: (row) => farmOf(row).balance ?? 'roundrobin',
          cell: (row) => farmOf(row).balance ?? <Text size="sm" c="dimmed" span>roundrobin (default)</Text>,
        },
        {
          id: 'stickiness',
          header: 'Stickiness',
          sortValue: (row) => farmOf(row).stickiness,
          cell: (row) => farmOf(row).stickiness ?? <Text size="sm" c="dimmed" span>none</Text>,
        },
        {
          id: 'probe',
          header: 'Probe',
          sortValue: (row) => describeProbe(farmOf(row).probe),
          cell: (row) => (
            <Text size="sm" c={farmOf(row).probe ? undefined : 'dimmed'} span>
              {describeProbe(farmOf(row).probe)}
            </Text>
          ),
        },
      );
    }
    list.push({
      id: 'servers',
      header: full ? 'Server health' : 'Servers',
      sortValue: (row) => row.servers?.length,
      cell: (row) =>
        row.error && !row.servers ? (
          <ServersUnavailable />
        ) : full ? (
          <ServerCounts servers={row.servers} />
        ) : (
          <Text size="sm">
            {row.servers ? `${row.servers.filter((server) => server.status === 'active').length}/${row.servers.length} active` : '…'}
          </Text>
        ),
    });
    list.push({
      id: 'actions',
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      width: 56,
      cell: (row) => (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" aria-label={`Actions for ${farmLabel(row.farm)}`}>
              <IconDots size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setDrawer({ kind: 'edit', farm: row.farm })}>
              Edit
            </Menu.Item>
            <Menu.Item
              leftSection={<IconCopy size={16} />}
              disabled={!row.servers}
              onClick={() => setDrawer({ kind: 'clone', farm: row.farm, servers: row.servers ?? [] })}
            >
              Clone
            </Menu.Item>
            <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => remove.confirm(row.farm, row.servers?.length)}>
              Delete
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      ),
    });
    return list;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the menu's handlers only set state or open the confirmation
  }, [base, protocol, full]);

  const filtered = Boolean(query || zone);
  const otherFailed = protocols.filter((item) => item !== protocol && lists.errors[item]);
  const otherFailures = otherFailed.map((item) => protocolLabels[item]);
  const otherError = otherFailed.length > 0 ? lists.errors[otherFailed[0]!] : null;

  return (
    <Stack gap="sm">
      <PageHeader
        title="Farms"
        description="A farm is a group of servers that receive the traffic of a frontend or a route, with a balancing algorithm and a health check."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDrawer({ kind: 'create' })}>
            New {protocolLabels[protocol]} farm
          </Button>
        }
      />
      <ProtocolTabs basePath={base} active={protocol} counts={counts} label="Farm protocol" />
      <Group gap="sm" align="flex-end">
        <TextInput
          label="Filter"
          placeholder="Name, id or port"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          w={260}
        />
        <Select label="Zone" placeholder="All zones" data={zones} value={zone || null} onChange={(next) => setZone(next ?? '')} clearable w={160} />
        {filtered ? (
          <Button
            variant="subtle"
            onClick={clearFilters}
          >
            Clear filters
          </Button>
        ) : null}
      </Group>
      {data.farms.error ? (
        <Alert color="red" role="alert" title={`The ${protocolLabels[protocol]} farms could not be loaded`}>
          <Text size="sm">{describeError(data.farms.error)}</Text>
          <RetryButton onClick={retry} />
        </Alert>
      ) : data.errors.length > 0 ? (
        <Alert color="red" role="alert" title={`The servers of ${data.errors.length} of ${data.rows.length} farms could not be loaded`}>
          <Text size="sm">{describeError(data.errors[0])}</Text>
          <RetryButton onClick={retry} />
        </Alert>
      ) : otherFailures.length > 0 ? (
        <Alert color="red" role="alert" title={`The ${otherFailures.join(' and ')} farm counts could not be loaded`}>
          <Text size="sm">{describeError(otherError)}</Text>
          <RetryButton onClick={retry} />
        </Alert>
      ) : null}
      {!data.farms.isPending && data.rows.length === 0 && !data.farms.error ? (
        <EmptyState
          icon={<IconStack2 size={24} />}
          title={`No ${protocolLabels[protocol]} farm yet`}
          actionLabel={`Create ${protocolWithArticle[protocol]} farm`}
          onAction={() => setDrawer({ kind: 'create' })}
        >
          Create a farm, add the servers that will receive the traffic, then point a frontend at it.
        </EmptyState>
      ) : data.farms.error ? null : (
        <DataTable
          label={`${protocolLabels[protocol]} farms`}
          data={rows}
          columns={columns}
          getRowKey={(row) => row.farm.farmId}
          sort={sort}
          onSortChange={setSort}
          loading={data.farms.isPending}
          onRowClick={(row) => navigate(`${base}/${protocol}/${row.farm.farmId}`)}
          empty={<EmptyState title="No farm matches these filters">Change the search or clear the filters.</EmptyState>}
        />
      )}
      <FarmDrawer
        serviceName={serviceName}
        protocol={protocol}
        mode={drawer}
        onClose={() => setDrawer(null)}
        onDone={(farm) => {
          const editing = drawer?.kind === 'edit';
          setDrawer(null);
          // a new farm (created or cloned) opens, to add its servers; an edit stays on the list
          if (!editing) navigate(`${base}/${protocol}/${farm.farmId}`);
        }}
      />
    </Stack>
  );
}

function RetryButton({ onClick }: { onClick: () => void }) {
  return (
    <Button size="xs" variant="light" color="red" mt="xs" onClick={onClick}>
      Retry
    </Button>
  );
}
