import { Alert, Button, Drawer, Group, Select, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch, IconWorldWww } from '@tabler/icons-react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { ProtocolTabs } from '@/components/protocol-tabs';
import { useClearUrlParams, useUrlSort, useUrlState } from '@/components/url-state';
import type { Ssl } from '@/api/generated';
import { DeleteFrontendModal } from '@/features/frontends/components/delete-frontend-modal';
import { filterFrontends } from '@/features/frontends/components/frontend-filter';
import { FrontendForm } from '@/features/frontends/components/frontend-form';
import { FrontendsTable } from '@/features/frontends/components/frontends-table';
import { describeError } from '@/lib/describe-error';
import { farmQueries } from '@/lib/iplb/farm-queries';
import { frontendName, frontendQueries } from '@/lib/iplb/frontend-queries';
import { protocolLabels, protocols, type AnyFarm, type FrontendByProtocol, type Protocol } from '@/lib/iplb/protocol';
import { sslQueries } from '@/lib/iplb/ssl-queries';

type Editing<P extends Protocol> = { mode: 'create' } | { mode: 'edit'; frontend: FrontendByProtocol[P] } | null;

const what: Record<Protocol, string> = {
  http: 'listens on a port, can decrypt HTTPS, and sends requests to a farm or through routes',
  tcp: 'listens on a port and sends connections to a farm',
  udp: 'listens on a port and sends datagrams to a farm',
};

/** Frontends of one protocol: counts per protocol tab, filters and sort in the URL, create / edit / delete. */
export function FrontendsPage<P extends Protocol>({ serviceName, protocol }: { serviceName: string; protocol: P }) {
  // all three lists: their lengths are the tab counts, and switching tabs then reads the cache
  const lists = useQueries({ queries: protocols.map((each) => frontendQueries.list(serviceName, each)) });
  const list = lists[protocols.indexOf(protocol)]!;
  const frontends = list.data as FrontendByProtocol[P][] | undefined;
  const farms = useQuery(farmQueries.list(serviceName, protocol));
  const certificates = useQuery({ ...sslQueries.list(serviceName), enabled: protocol !== 'udp' });
  const zones = useQuery(frontendQueries.zones(serviceName));

  const [text, setText] = useUrlState('q');
  const [zone, setZone] = useUrlState('zone');
  const clearFilters = useClearUrlParams('q', 'zone');
  const [sort, setSort] = useUrlSort('sort', { columnId: 'id', direction: 'asc' });
  const [editing, setEditing] = useState<Editing<P>>(null);
  const [deleting, setDeleting] = useState<FrontendByProtocol[P] | null>(null);

  const farmsById = useMemo(() => new Map<number, AnyFarm>((farms.data ?? []).map((farm) => [farm.farmId, farm])), [farms.data]);
  const certificatesById = useMemo(
    () => new Map<number, Ssl>((certificates.data ?? []).map((certificate) => [certificate.id, certificate])),
    [certificates.data],
  );
  const visible = useMemo(() => filterFrontends(frontends ?? [], { text, zone }, farmsById), [frontends, text, zone, farmsById]);
  const label = protocolLabels[protocol];
  const base = `/services/${encodeURIComponent(serviceName)}/frontends`;
  // a list that failed has no count (null, shown as "?"), never a spinner for ever
  const counts = Object.fromEntries(
    protocols.map((each, index) => [each, lists[index]!.isError ? null : lists[index]!.data?.length]),
  ) as Record<Protocol, number | null | undefined>;
  const otherFailed = protocols.filter((each) => each !== protocol && lists[protocols.indexOf(each)]!.isError);
  const filtered = Boolean(text || zone);
  const openCreate = () => setEditing({ mode: 'create' });

  const empty = filtered ? (
    <EmptyState icon={<IconSearch size={24} />} title={`No ${label} frontend matches these filters`}>
      <Button variant="subtle" onClick={clearFilters}>
        Clear filters
      </Button>
    </EmptyState>
  ) : (
    <EmptyState
      icon={<IconWorldWww size={24} />}
      title={`No ${label} frontend yet`}
      actionLabel={`Create ${label} frontend`}
      onAction={openCreate}
    >
      A frontend {what[protocol]}. Create one to start receiving {label} traffic.
    </EmptyState>
  );

  return (
    <>
      <PageHeader
        title="Frontends"
        description="Where the load balancer listens: a port (or ports) in a zone, with TLS, source restrictions and a default farm."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>
            New {label} frontend
          </Button>
        }
      />
      <ProtocolTabs basePath={base} active={protocol} counts={counts} label="Frontend protocol" />
      <Group mb="sm" gap="sm" align="flex-end">
        <TextInput
          label="Filter"
          placeholder="Name, id, port, zone or farm"
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          w={300}
        />
        <Select
          label="Zone"
          placeholder="All zones"
          clearable
          data={[...(zones.data ?? []), 'all'].map((value) => ({ value, label: value === 'all' ? 'Frontends in all zones' : value }))}
          value={zone || null}
          onChange={(value) => setZone(value ?? '')}
          w={220}
        />
        {frontends && filtered ? (
          <Text size="sm" c="dimmed" pb={8} aria-live="polite">
            {visible.length} of {frontends.length} shown
          </Text>
        ) : null}
      </Group>
      {!list.isError && otherFailed.length > 0 ? (
        <Alert color="red" title={`The ${otherFailed.map((each) => protocolLabels[each]).join(' and ')} frontend counts could not be loaded`} role="alert" mb="sm">
          {describeError(lists[protocols.indexOf(otherFailed[0]!)]!.error)}
          <Button size="xs" variant="light" ml="sm" onClick={() => otherFailed.forEach((each) => void lists[protocols.indexOf(each)]!.refetch())}>
            Retry
          </Button>
        </Alert>
      ) : null}
      {list.isError ? (
        <Alert color="red" title={`Could not load the ${label} frontends`} role="alert">
          {describeError(list.error)}
          <Button size="xs" variant="light" ml="sm" onClick={() => void list.refetch()}>
            Retry
          </Button>
        </Alert>
      ) : (
        <FrontendsTable
          serviceName={serviceName}
          protocol={protocol}
          frontends={visible}
          farmsById={farmsById}
          certificatesById={certificatesById}
          loading={list.isPending}
          sort={sort}
          onSortChange={setSort}
          onEdit={(frontend) => setEditing({ mode: 'edit', frontend })}
          onDelete={setDeleting}
          empty={empty}
        />
      )}
      <Drawer
        opened={editing !== null}
        onClose={() => setEditing(null)}
        position="right"
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
        title={
          editing?.mode === 'edit'
            ? `Edit ${label} frontend ${frontendName(editing.frontend)}`
            : `New ${label} frontend`
        }
      >
        {editing ? (
          <FrontendForm
            key={editing.mode === 'edit' ? editing.frontend.frontendId : 'new'}
            serviceName={serviceName}
            protocol={protocol}
            frontend={editing.mode === 'edit' ? editing.frontend : undefined}
            onDone={() => setEditing(null)}
            onCancel={() => setEditing(null)}
          />
        ) : null}
      </Drawer>
      <DeleteFrontendModal serviceName={serviceName} protocol={protocol} frontend={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}
