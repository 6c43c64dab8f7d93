import { ActionIcon, Anchor, Badge, Group, Menu, Stack, Switch, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataTableColumn, type RowKey } from '@/components/data-table/data-table';
import type { SortState } from '@/components/data-table/sort';
import { HealthBadge, healthLabels, serverHealth } from '@/components/health-badge';
import { useDeleteServer, useSetServerStatus } from '@/features/servers/api/server-mutations';
import { BulkServerActions } from '@/features/servers/components/bulk-server-actions';
import { ServerDrawer, type ServerDrawerState } from '@/features/servers/components/server-drawer';
import { describeError } from '@/lib/describe-error';
import { farmLabel } from '@/lib/iplb/farm-queries';
import type { FarmByProtocol, Protocol, ServerByProtocol } from '@/lib/iplb/protocol';
import { serverLabel } from '@/lib/iplb/server-queries';

export interface ServerRow<P extends Protocol> {
  server: ServerByProtocol[P];
  farm: FarmByProtocol[P];
}

export interface ServersTableProps<P extends Protocol> {
  serviceName: string;
  protocol: P;
  rows: readonly ServerRow<P>[];
  /** every server of the farms shown, for "last active server" checks (defaults to rows) */
  allRows?: readonly ServerRow<P>[];
  /** show the farm column (the flat all-servers view) */
  showFarm?: boolean;
  loading?: boolean;
  empty?: ReactNode;
  sort?: SortState | null;
  onSortChange?: (sort: SortState | null) => void;
  label: string;
}

const flag = (on: boolean | undefined, text: string) =>
  on ? (
    <Badge size="sm" variant="light" tt="none">
      {text}
    </Badge>
  ) : null;

/** Servers with status switch, health, per-row edit / clone / delete and bulk actions on the selection. */
export function ServersTable<P extends Protocol>({
  serviceName,
  protocol,
  rows,
  allRows = rows,
  showFarm = false,
  loading,
  empty,
  sort,
  onSortChange,
  label,
}: ServersTableProps<P>) {
  const [selection, setSelection] = useState<Set<RowKey>>(new Set());
  const [drawer, setDrawer] = useState<ServerDrawerState<P> | null>(null);
  const setStatus = useSetServerStatus(serviceName, protocol);
  const remove = useDeleteServer(serviceName, protocol);
  const full = protocol !== 'udp';
  const farmBase = `/services/${encodeURIComponent(serviceName)}/farms/${protocol}`;

  const openDrawer = (row: ServerRow<P>, mode: ServerDrawerState<P>['mode']) =>
    setDrawer({ farmId: row.farm.farmId, farmPort: row.farm.port ?? null, farmName: farmLabel(row.farm), mode });

  const confirmDelete = (row: ServerRow<P>) => {
    const { server, farm } = row;
    const otherActive = allRows.filter(
      (other) => other.farm.farmId === farm.farmId && other.server.serverId !== server.serverId && other.server.status === 'active',
    ).length;
    const last = server.status === 'active' && otherActive === 0;
    modals.openConfirmModal({
      closeButtonProps: { 'aria-label': 'Close' },
      title: `Delete server ${serverLabel(server)}?`,
      children: (
        <Stack gap="xs">
          <Text size="sm">
            It is removed from farm {farmLabel(farm)}. To use this machine again, add it as a new server.
          </Text>
          {last ? (
            <Text size="sm" c="red" fw={500}>
              This is the last active server of farm {farmLabel(farm)}: once the configuration is applied, the farm has no
              server to send traffic to.
            </Text>
          ) : null}
        </Stack>
      ),
      labels: { confirm: 'Delete server', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(server, {
          onSuccess: () =>
            notifications.show({
              color: 'green',
              title: `Server ${serverLabel(server)} deleted`,
              message: 'Apply the configuration to remove it from the load balancer.',
            }),
          onError: (error) =>
            notifications.show({ color: 'red', title: `Server ${serverLabel(server)} not deleted`, message: describeError(error) }),
        }),
    });
  };

  const columns = useMemo(() => {
    const list: DataTableColumn<ServerRow<P>>[] = [
      {
        id: 'address',
        header: 'Address',
        sortValue: (row) => row.server.address.split('.').map((part) => part.padStart(3, '0')).join('.'),
        cell: (row) => (
          <Text size="sm" ff="monospace">
            {row.server.address}
          </Text>
        ),
      },
      {
        id: 'port',
        header: 'Port',
        sortValue: (row) => row.server.port ?? row.farm.port,
        cell: (row) =>
          row.server.port ?? (
            <Tooltip label="Not set: the farm's port is used">
              <Text size="sm" c="dimmed" span tabIndex={0}>
                {row.farm.port ? `${row.farm.port} (farm)` : 'farm'}
              </Text>
            </Tooltip>
          ),
      },
      {
        id: 'name',
        header: 'Name',
        sortValue: (row) => row.server.displayName,
        cell: (row) => row.server.displayName ?? <Text size="sm" c="dimmed" span>—</Text>,
      },
    ];
    if (showFarm) {
      list.push({
        id: 'farm',
        header: 'Farm',
        sortValue: (row) => farmLabel(row.farm),
        cell: (row) => (
          <Anchor component={Link} to={`${farmBase}/${row.farm.farmId}`} size="sm">
            {farmLabel(row.farm)}
          </Anchor>
        ),
      });
    }
    list.push({
      id: 'status',
      header: 'Active',
      sortValue: (row) => row.server.status,
      cell: (row) => (
        <Switch
          aria-label={`Active: ${serverLabel(row.server)}`}
          checked={row.server.status === 'active'}
          label={row.server.status === 'active' ? 'active' : 'inactive'}
          size="sm"
          onChange={(event) =>
            setStatus.mutate({ server: row.server, status: event.currentTarget.checked ? 'active' : 'inactive' })
          }
        />
      ),
    });
    if (full) {
      list.push(
        {
          id: 'weight',
          header: 'Weight',
          align: 'right',
          sortValue: (row) => ('weight' in row.server ? (row.server.weight ?? 1) : null),
          cell: (row) => {
            const weight = 'weight' in row.server ? row.server.weight : null;
            return weight === null ? (
              <Text size="sm" c="dimmed" span>
                1 (default)
              </Text>
            ) : (
              weight
            );
          },
        },
        {
          id: 'health',
          header: 'Health',
          sortValue: (row) => healthLabels[serverHealth(row.server)],
          cell: (row) => <HealthBadge server={row.server} label={serverLabel(row.server)} />,
        },
        {
          id: 'options',
          header: 'Options',
          cell: (row) => {
            const server = row.server as ServerByProtocol['http'];
            return (
              <Group gap={4}>
                {flag(server.backup, 'backup')}
                {flag(server.probe, 'probe')}
                {flag(server.ssl, 'ssl')}
                {server.proxyProtocolVersion ? flag(true, `proxy ${server.proxyProtocolVersion}`) : null}
                {server.cookie ? flag(true, `cookie ${server.cookie}`) : null}
              </Group>
            );
          },
        },
      );
    }
    list.push({
      id: 'actions',
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      width: 56,
      cell: (row) => (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" aria-label={`Actions for ${serverLabel(row.server)}`}>
              <IconDots size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => openDrawer(row, { kind: 'edit', server: row.server })}>
              Edit
            </Menu.Item>
            <Menu.Item leftSection={<IconCopy size={16} />} onClick={() => openDrawer(row, { kind: 'clone', server: row.server })}>
              Clone
            </Menu.Item>
            <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => confirmDelete(row)}>
              Delete
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      ),
    });
    return list;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- handlers read the latest rows through closures
  }, [showFarm, full, farmBase, allRows, setStatus.mutate]);

  const selectedServers = rows.filter((row) => selection.has(row.server.serverId)).map((row) => row.server);

  return (
    <Stack gap="xs">
      <BulkServerActions
        serviceName={serviceName}
        protocol={protocol}
        selected={selectedServers}
        onClear={() => setSelection(new Set())}
      />
      <DataTable
        label={label}
        data={rows}
        columns={columns}
        getRowKey={(row) => row.server.serverId}
        getRowLabel={(row) => serverLabel(row.server)}
        selection={{ selected: selection, onChange: setSelection }}
        sort={sort}
        onSortChange={onSortChange}
        loading={loading}
        empty={empty}
        rowHeight={52}
      />
      <ServerDrawer serviceName={serviceName} protocol={protocol} state={drawer} onClose={() => setDrawer(null)} />
    </Stack>
  );
}

/** Opens the "add server" drawer of a farm from outside the table (the farm page's button). */
export function AddServerDrawer<P extends Protocol>({
  serviceName,
  protocol,
  farm,
  opened,
  onClose,
}: {
  serviceName: string;
  protocol: P;
  farm: FarmByProtocol[P];
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <ServerDrawer
      serviceName={serviceName}
      protocol={protocol}
      state={opened ? { farmId: farm.farmId, farmPort: farm.port ?? null, farmName: farmLabel(farm), mode: { kind: 'create' } } : null}
      onClose={onClose}
    />
  );
}
