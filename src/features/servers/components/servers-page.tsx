import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch, IconServer2 } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { EmptyState } from '@/components/empty-state';
import { healthLabels, healths, serverHealth } from '@/components/health-badge';
import { PageHeader } from '@/components/page-header';
import { ProtocolTabs } from '@/components/protocol-tabs';
import { useClearUrlParams, useUrlSort, useUrlState } from '@/components/url-state';
import { ServersTable, type ServerRow } from '@/features/servers/components/servers-table';
import { describeError } from '@/lib/describe-error';
import { farmLabel } from '@/lib/iplb/farm-queries';
import { iplbKeys } from '@/lib/iplb/keys';
import { protocolLabels, protocols, protocolWithArticle, type Protocol } from '@/lib/iplb/protocol';
import { useFarmsWithServers } from '@/lib/iplb/server-queries';

const healthOptions = healths.map((value) => ({ value, label: healthLabels[value] }));

/** Every server of one protocol, across farms: search, status and health filters in the URL, bulk actions. */
export function ServersPage<P extends Protocol>({ serviceName, protocol }: { serviceName: string; protocol: P }) {
  const navigate = useNavigate();
  const base = `/services/${encodeURIComponent(serviceName)}`;
  // The shown protocol first: one server list per farm is a request per farm, and the other tabs'
  // lists (for their counts, and an instant switch) only start once this one is on screen.
  const [othersDue, setOthersDue] = useState(false);
  const http = useFarmsWithServers(serviceName, 'http', { loadServers: protocol === 'http' || othersDue });
  const tcp = useFarmsWithServers(serviceName, 'tcp', { loadServers: protocol === 'tcp' || othersDue });
  const udp = useFarmsWithServers(serviceName, 'udp', { loadServers: protocol === 'udp' || othersDue });
  const byProtocol = { http, tcp, udp };
  const current = byProtocol[protocol] as ReturnType<typeof useFarmsWithServers<P>>;
  const currentShown = !current.isPending;
  useEffect(() => {
    if (!currentShown || othersDue) return;
    // once the browser is idle after showing this tab (its table painted), not competing with it
    const start = () => setOthersDue(true);
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(start, { timeout: 2000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(start, 200);
    return () => window.clearTimeout(id);
  }, [currentShown, othersDue]);
  // a list that failed makes the count unknown (null, shown as "?"), never 0
  const failureOf = (data: typeof http | typeof tcp | typeof udp): Error | null => data.farms.error ?? data.errors[0] ?? null;
  const failures = { http: failureOf(http), tcp: failureOf(tcp), udp: failureOf(udp) };
  const countOf = (data: typeof http | typeof tcp | typeof udp) =>
    failureOf(data)
      ? null
      : data.isPending
        ? undefined
        : data.rows.reduce((sum, row) => sum + (row.servers?.length ?? 0), 0);
  const counts = { http: countOf(http), tcp: countOf(tcp), udp: countOf(udp) };
  const queryClient = useQueryClient();
  // every list of this load balancer that failed (farms, server lists of any tab) is asked again
  const retry = () =>
    void queryClient.refetchQueries({ queryKey: iplbKeys.service(serviceName), predicate: (query) => query.state.status === 'error' });

  const [query, setQuery] = useUrlState('q');
  const [status, setStatus] = useUrlState('status');
  const [health, setHealth] = useUrlState('health');
  // one URL update for all of them (one setter per key in one click would keep only the last)
  const clearFilters = useClearUrlParams('q', 'status', 'health');
  const [sort, setSort] = useUrlSort('sort', { columnId: 'address', direction: 'asc' });

  const allRows = useMemo(
    () => current.rows.flatMap(({ farm, servers }) => (servers ?? []).map((server): ServerRow<P> => ({ farm, server }))),
    [current.rows],
  );
  // typing stays fluid on thousands of rows: the table follows the search a moment later
  const deferredQuery = useDeferredValue(query);
  const rows = useMemo(() => {
    const needle = deferredQuery.trim().toLowerCase();
    return allRows.filter(({ server, farm }) => {
      if (status && server.status !== status) return false;
      if (health && serverHealth(server) !== health) return false;
      if (!needle) return true;
      return [server.address, server.displayName ?? '', farmLabel(farm), server.port ? `${server.address}:${server.port}` : '']
        .some((text) => text.toLowerCase().includes(needle));
    });
  }, [allRows, deferredQuery, status, health]);
  const filtered = Boolean(query || status || health);
  const farmsError = current.farms.error;
  // the other tabs' lists feed their counts: say when they failed (the count shows "?")
  const otherErrors = protocols.flatMap((each) => {
    const error = each === protocol ? null : failures[each];
    return error ? [{ label: protocolLabels[each], error }] : [];
  });

  return (
    <Stack gap="sm">
      <PageHeader
        title="Servers"
        description="Every server of every farm, to find a machine by address or name and act on many at once. Add servers from a farm's page."
      />
      <ProtocolTabs
        basePath={`${base}/servers`}
        active={protocol}
        counts={counts}
        keepSearch
        label="Server protocol"
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label="Filter"
          placeholder="Address, name or farm"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          w={280}
        />
        <Select
          label="Status"
          placeholder="Any status"
          data={[
            { value: 'active', label: 'active' },
            { value: 'inactive', label: 'inactive' },
          ]}
          value={status || null}
          onChange={(next) => setStatus(next ?? '')}
          clearable
          w={160}
        />
        {protocol !== 'udp' ? (
          <Select
            label="Health"
            placeholder="Any health"
            data={healthOptions}
            value={health || null}
            onChange={(next) => setHealth(next ?? '')}
            clearable
            w={160}
          />
        ) : null}
        {filtered ? (
          <Button variant="subtle" onClick={clearFilters}>
            Clear filters
          </Button>
        ) : null}
      </Group>
      {farmsError ? (
        <Alert color="red" role="alert" title={`The ${protocolLabels[protocol]} farms could not be loaded`}>
          <Text size="sm">{describeError(farmsError)}</Text>
          <RetryButton onClick={retry} />
        </Alert>
      ) : current.errors.length > 0 ? (
        <Alert color="red" role="alert" title={`The servers of ${current.errors.length} of ${current.rows.length} farms could not be loaded`}>
          <Text size="sm">{describeError(current.errors[0])}</Text>
          <Text size="sm">The list below misses their servers.</Text>
          <RetryButton onClick={retry} />
        </Alert>
      ) : otherErrors.length > 0 ? (
        <Alert color="red" role="alert" title={`The ${otherErrors.map(({ label }) => label).join(' and ')} server counts could not be loaded`}>
          <Text size="sm">{describeError(otherErrors[0]!.error)}</Text>
          <RetryButton onClick={retry} />
        </Alert>
      ) : null}
      {!current.isPending && current.rows.length === 0 && !farmsError ? (
        <EmptyState
          icon={<IconServer2 size={24} />}
          title={`No ${protocolLabels[protocol]} farm yet`}
          actionLabel="Go to farms"
          onAction={() => navigate(`${base}/farms/${protocol}`)}
        >
          Servers belong to a farm: create {protocolWithArticle[protocol]} farm, then add the machines that will receive its traffic.
        </EmptyState>
      ) : farmsError ? null : (
        <ServersTable
          serviceName={serviceName}
          protocol={protocol}
          rows={rows}
          allRows={allRows}
          showFarm
          loading={current.isPending}
          sort={sort}
          onSortChange={setSort}
          label={`${protocolLabels[protocol]} servers`}
          empty={
            filtered ? (
              <EmptyState title="No server matches these filters">Change the search or clear the filters.</EmptyState>
            ) : (
              <EmptyState title={`No ${protocolLabels[protocol]} server yet`}>
                Open a farm and add the machines that will receive its traffic.
              </EmptyState>
            )
          }
        />
      )}
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
