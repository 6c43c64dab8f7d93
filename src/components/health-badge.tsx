import { Badge, Popover, Stack, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCircleCheck, IconCircleDashed, IconCircleX, IconClockHour4, IconHelpCircle } from '@tabler/icons-react';
import type { ServerState } from '@/api/generated';

export type Health = 'up' | 'down' | 'not-checked' | 'no-probe' | 'unknown';

/** Every health, in the order a summary lists them. */
export const healths: readonly Health[] = ['up', 'down', 'not-checked', 'unknown', 'no-probe'];

export const healthLabels: Record<Health, string> = {
  up: 'up',
  down: 'down',
  'not-checked': 'not checked yet',
  'no-probe': 'no probe',
  unknown: 'unknown',
};

const healthLook = {
  up: { color: 'green', Icon: IconCircleCheck },
  down: { color: 'red', Icon: IconCircleX },
  'not-checked': { color: 'blue', Icon: IconClockHour4 },
  'no-probe': { color: 'gray', Icon: IconCircleDashed },
  unknown: { color: 'yellow', Icon: IconHelpCircle },
} as const;

export interface HealthInput {
  status: 'active' | 'inactive';
  /** health checking of the server (HTTP/TCP); UDP servers have none */
  probe?: boolean;
  serverState?: readonly ServerState[];
}

const isUp = (state: ServerState) => state.status?.toUpperCase().startsWith('UP') ?? false;
const isDown = (state: ServerState) => state.status?.toUpperCase().startsWith('DOWN') ?? false;

/**
 * Health of a server from its per-instance check results (`serverState`):
 * down when any instance saw it down, up when every instance saw it up, no probe when health
 * checking is off, not checked yet when no instance has reported anything (a server created or
 * changed since the last Apply: the load balancer does not run it yet), unknown otherwise
 * (inactive server, maintenance, unclear state).
 */
export function serverHealth(server: HealthInput): Health {
  const states = server.serverState ?? [];
  if (server.status === 'active' && states.some(isDown)) return 'down';
  if (!server.probe) return 'no-probe';
  if (server.status === 'active' && states.length === 0) return 'not-checked';
  if (server.status === 'active' && states.every(isUp)) return 'up';
  return 'unknown';
}

/** How many servers are in each health, e.g. for "24 up · 1 down". */
export function countHealth(servers: readonly HealthInput[]): Record<Health, number> {
  const counts: Record<Health, number> = { up: 0, down: 0, 'not-checked': 0, 'no-probe': 0, unknown: 0 };
  for (const server of servers) counts[serverHealth(server)] += 1;
  return counts;
}

/** "24 up · 1 down": every health present, in words (never colour alone). */
export function describeHealthCounts(counts: Record<Health, number>): string {
  return healths
    .filter((health) => counts[health] > 0)
    .map((health) => `${counts[health]} ${healthLabels[health]}`)
    .join(' · ');
}

function explain(server: HealthInput, health: Health): string {
  const states = server.serverState ?? [];
  if (health === 'no-probe') {
    return server.probe === undefined
      ? 'This kind of server has no health check.'
      : 'Health checking is off for this server: traffic is sent to it whether it answers or not.';
  }
  if (server.status === 'inactive') return 'The server is disabled: it is not checked and receives no traffic.';
  if (health === 'not-checked' || states.length === 0) {
    return 'Not checked yet: the load balancer checks this server once the configuration is applied.';
  }
  const down = states.filter(isDown).length;
  if (health === 'down') return `${down} of ${states.length} load balancer instances see this server down.`;
  if (health === 'up') return `All ${states.length} load balancer instances see this server up.`;
  return 'The load balancer has not reported a clear state for this server.';
}

// the same unambiguous style as the tasks page (month in words: never 12/4 vs 4/12)
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function formatCheckTime(time: string | null): string {
  if (!time) return '—';
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? time : dateTime.format(date);
}

/**
 * A server's health: icon + text (never colour alone). Hover shows a summary, click (or Enter)
 * opens the last check of every load balancer instance.
 */
export function HealthBadge({ server, label }: { server: HealthInput; /** the server, as people name it: part of the button's name */ label: string }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const health = serverHealth(server);
  const { color, Icon } = healthLook[health];
  const summary = explain(server, health);
  const states = server.serverState ?? [];
  return (
    <Popover opened={opened} onChange={(next) => (next ? undefined : close())} onClose={close} width={420} position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <Tooltip label={summary} multiline w={280} disabled={opened}>
          <UnstyledButton
            onClick={toggle}
            onKeyDown={(event) => {
              if (event.key === 'Escape') close();
            }}
            aria-label={`Health of ${label}: ${healthLabels[health]}. Show details`}
            aria-expanded={opened}
            data-health={health}
          >
            <Badge color={color} variant="light" leftSection={<Icon size={14} aria-hidden />} style={{ cursor: 'pointer' }}>
              {healthLabels[health]}
            </Badge>
          </UnstyledButton>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown aria-label="Last health check">
        <Stack gap="xs">
          <Text size="sm">{summary}</Text>
          {states.length > 0 ? (
            <Table fz="xs" withRowBorders>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Instance</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th>Check</Table.Th>
                  <Table.Th>Checked at</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {states.map((state) => (
                  <Table.Tr key={state.instanceId}>
                    <Table.Td>{state.instanceId}</Table.Td>
                    <Table.Td>{state.status ?? '—'}</Table.Td>
                    <Table.Td>
                      {[state.checkStatus, state.checkCode].filter(Boolean).join(' ') || '—'}
                      {state.lastCheckContent ? (
                        <Text size="xs" c="dimmed">
                          {state.lastCheckContent}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{formatCheckTime(state.checkTime)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
