import { ActionIcon, Anchor, Badge, Group, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconLock, IconPencil, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import type { SortState } from '@/components/data-table/sort';
import type { Ssl } from '@/api/generated';
import { FrontendEnabledSwitch } from '@/features/frontends/components/frontend-enabled-switch';
import { firstPort } from '@/features/frontends/components/port-summary';
import { farmLabel } from '@/lib/iplb/farm-queries';
import { frontendName } from '@/lib/iplb/frontend-queries';
import type { AnyFarm, AnyFrontend, FrontendByProtocol, Protocol } from '@/lib/iplb/protocol';
import { certificateLabel } from '@/lib/iplb/ssl-queries';

export interface FrontendsTableProps<P extends Protocol> {
  serviceName: string;
  protocol: P;
  frontends: readonly FrontendByProtocol[P][];
  farmsById: ReadonlyMap<number, AnyFarm>;
  certificatesById: ReadonlyMap<number, Ssl>;
  loading: boolean;
  sort: SortState | null;
  onSortChange: (sort: SortState | null) => void;
  onEdit: (frontend: FrontendByProtocol[P]) => void;
  onDelete: (frontend: FrontendByProtocol[P]) => void;
  empty: ReactNode;
}

type Sources = { kind: 'allowed' | 'denied'; blocks: string[] } | null;

function sourcesOf(frontend: AnyFrontend): Sources {
  if (!('allowedSource' in frontend)) return null;
  if (frontend.allowedSource?.length) return { kind: 'allowed', blocks: frontend.allowedSource };
  if (frontend.deniedSource?.length) return { kind: 'denied', blocks: frontend.deniedSource };
  return null;
}

function SourcesCell({ sources }: { sources: Sources }) {
  if (!sources) return <Text size="sm" c="dimmed">Open to all</Text>;
  const [first, ...others] = sources.blocks;
  const text = `${sources.kind === 'allowed' ? 'Only' : 'Deny'} ${first}${others.length ? ` +${others.length}` : ''}`;
  return (
    <Tooltip label={sources.blocks.join(', ')} disabled={others.length === 0}>
      <Badge variant="light" color={sources.kind === 'allowed' ? 'teal' : 'orange'} tt="none">
        {text}
      </Badge>
    </Tooltip>
  );
}

/** The frontends of one protocol: sortable columns, enable switch, edit and delete per row. */
export function FrontendsTable<P extends Protocol>(props: FrontendsTableProps<P>) {
  const { serviceName, protocol, farmsById, certificatesById } = props;
  const base = `/services/${encodeURIComponent(serviceName)}`;
  const farmOf = (frontend: AnyFrontend) => (frontend.defaultFarmId === null ? undefined : farmsById.get(frontend.defaultFarmId));
  const certificateOf = (frontend: AnyFrontend) =>
    'defaultSslId' in frontend && frontend.defaultSslId !== null ? certificatesById.get(frontend.defaultSslId) : undefined;

  const columns: DataTableColumn<FrontendByProtocol[P]>[] = [
    {
      id: 'name',
      header: 'Name',
      sortValue: (frontend) => frontendName(frontend),
      cell: (frontend) => (
        <Text size="sm" fw={500} c={frontend.displayName ? undefined : 'dimmed'}>
          {frontendName(frontend)}
        </Text>
      ),
    },
    { id: 'id', header: 'Id', sortValue: (frontend) => frontend.frontendId, cell: (frontend) => frontend.frontendId },
    {
      id: 'port',
      header: 'Port(s)',
      sortValue: (frontend) => firstPort(frontend.port),
      cell: (frontend) => <Text size="sm" ff="monospace">{frontend.port}</Text>,
    },
    {
      id: 'zone',
      header: 'Zone',
      sortValue: (frontend) => frontend.zone,
      cell: (frontend) => (frontend.zone === 'all' ? <Badge variant="outline" tt="none">all zones</Badge> : frontend.zone),
    },
    {
      id: 'farm',
      header: 'Default farm',
      sortValue: (frontend) => {
        const farm = farmOf(frontend);
        return farm ? farmLabel(farm) : frontend.defaultFarmId === null ? null : `Farm #${frontend.defaultFarmId}`;
      },
      cell: (frontend) => {
        if (frontend.defaultFarmId === null) {
          return (
            <Text size="sm" c="dimmed">
              {'redirectLocation' in frontend && frontend.redirectLocation ? `Redirect to ${frontend.redirectLocation}` : 'None'}
            </Text>
          );
        }
        const farm = farmOf(frontend);
        return (
          <Anchor component={Link} to={`${base}/farms/${protocol}/${frontend.defaultFarmId}`} size="sm">
            {farm ? farmLabel(farm) : `Farm #${frontend.defaultFarmId}`}
          </Anchor>
        );
      },
    },
  ];
  if (protocol !== 'udp') {
    columns.push({
      id: 'certificate',
      header: 'TLS',
      sortValue: (frontend) => {
        const certificate = certificateOf(frontend);
        return 'ssl' in frontend && frontend.ssl ? (certificate ? certificateLabel(certificate) : ' ssl') : null;
      },
      cell: (frontend) => {
        if (!('ssl' in frontend) || !frontend.ssl) return <Text size="sm" c="dimmed">Off</Text>;
        const certificate = certificateOf(frontend);
        return (
          <Group gap={6} wrap="nowrap">
            <IconLock size={14} aria-hidden />
            <Text size="sm">
              {certificate ? certificateLabel(certificate) : frontend.defaultSslId !== null ? `Certificate #${frontend.defaultSslId}` : 'SSL, no default certificate'}
            </Text>
          </Group>
        );
      },
    });
    columns.push({
      id: 'sources',
      header: 'Sources',
      sortValue: (frontend) => {
        const sources = sourcesOf(frontend);
        return sources ? `${sources.kind} ${sources.blocks[0]}` : null;
      },
      cell: (frontend) => <SourcesCell sources={sourcesOf(frontend)} />,
    });
  }
  columns.push(
    {
      id: 'enabled',
      header: 'State',
      sortValue: (frontend) => (frontend.disabled ? 1 : 0),
      cell: (frontend) => <FrontendEnabledSwitch serviceName={serviceName} protocol={protocol} frontend={frontend} />,
    },
    {
      id: 'actions',
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      align: 'right',
      cell: (frontend) => (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Tooltip label="Edit">
            <ActionIcon variant="subtle" aria-label={`Edit ${frontendName(frontend)}`} onClick={() => props.onEdit(frontend)}>
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Delete">
            <ActionIcon variant="subtle" color="red" aria-label={`Delete ${frontendName(frontend)}`} onClick={() => props.onDelete(frontend)}>
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      ),
    },
  );

  return (
    <DataTable
      label={`${protocol.toUpperCase()} frontends`}
      data={props.frontends}
      columns={columns}
      getRowKey={(frontend) => frontend.frontendId}
      sort={props.sort}
      onSortChange={props.onSortChange}
      loading={props.loading}
      empty={props.empty}
    />
  );
}
