import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  NumberInput,
  Paper,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import {
  bulkActionLabels,
  useBulkServerAction,
  type BulkAction,
  type BulkItemResult,
} from '@/features/servers/api/bulk-server-actions';
import type { Protocol, ServerByProtocol } from '@/lib/iplb/protocol';
import { serverLabel } from '@/lib/iplb/server-queries';
import { weightError as validateWeight, type TypedNumber } from '@/features/servers/components/server-values';

type Kind = BulkAction['kind'];

const verbs: Record<Kind, string> = {
  enable: 'enabled',
  disable: 'disabled',
  weight: 'updated',
  delete: 'deleted',
};

const servers = (count: number) => `${count} server${count === 1 ? '' : 's'}`;

/** What the confirmation says it will do: "Delete 2 servers", "Set weight of 2 servers". */
export function bulkActionTitle(kind: Kind, count: number): string {
  return kind === 'weight'
    ? `Set weight of ${servers(count)}`
    : `${bulkActionLabels[kind]} ${servers(count)}`;
}

/** What was done, once done: "Deleted 2 of 2 servers", "Set weight of 1 of 2 servers". */
export function bulkResultTitle(kind: Kind, done: number, total: number): string {
  const of = `${done} of ${servers(total)}`;
  switch (kind) {
    case 'enable':
      return `Enabled ${of}`;
    case 'disable':
      return `Disabled ${of}`;
    case 'weight':
      return `Set weight of ${of}`;
    case 'delete':
      return `Deleted ${of}`;
  }
}

/**
 * The bar shown above a server table when servers are selected: enable, disable, set weight, delete.
 * One confirmation for the whole selection, then one line per server: done, or refused and why.
 */
export function BulkServerActions<P extends Protocol>({
  serviceName,
  protocol,
  selected,
  onClear,
}: {
  serviceName: string;
  protocol: P;
  selected: readonly ServerByProtocol[P][];
  onClear: () => void;
}) {
  const [kind, setKind] = useState<Kind | null>(null);
  const [weight, setWeight] = useState<TypedNumber>(1);
  const [results, setResults] = useState<BulkItemResult[] | null>(null);
  // the servers the open dialog acts (or acted) on: the selection changes under it (deleted rows leave it)
  const [targets, setTargets] = useState<readonly ServerByProtocol[P][]>([]);
  const bulk = useBulkServerAction(serviceName, protocol);
  const weightError =
    kind === 'weight' ? (weight === '' ? 'Enter a weight' : validateWeight(weight)) : null;
  const close = () => {
    if (bulk.running) return;
    if (results) onClear();
    setKind(null);
    setResults(null);
  };
  if (selected.length === 0 && !kind) return null;

  const open = (next: Kind) => {
    setTargets(selected);
    setResults(null);
    setKind(next);
  };

  const confirm = async () => {
    if (!kind || weightError) return;
    const action: BulkAction = kind === 'weight' ? { kind, weight: weight as number } : { kind };
    const outcome = await bulk.run(targets, action);
    const failed = outcome.filter((item) => !item.ok).length;
    notifications.show({
      color: failed ? (failed === outcome.length ? 'red' : 'yellow') : 'green',
      title: failed
        ? `${outcome.length - failed} of ${servers(outcome.length)} ${verbs[kind]}; ${failed} refused`
        : `${servers(outcome.length)} ${verbs[kind]}`,
      message: 'Apply the configuration to make the changes live.',
    });
    setResults(outcome);
  };

  const kinds: Kind[] =
    protocol === 'udp' ? ['enable', 'disable', 'delete'] : ['enable', 'disable', 'weight', 'delete'];
  const title = !kind
    ? ''
    : results
      ? bulkResultTitle(kind, results.filter((item) => item.ok).length, results.length)
      : bulkActionTitle(kind, targets.length);

  return (
    <>
      {/* no bar without a selection (the results of the last action may still be open) */}
      {selected.length > 0 ? (
        <Paper withBorder p="xs" role="region" aria-label="Bulk actions">
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={500}>
              {selected.length} selected
            </Text>
            {kinds.map((item) => (
              <Button
                key={item}
                size="xs"
                variant={item === 'delete' ? 'light' : 'default'}
                color={item === 'delete' ? 'red' : undefined}
                onClick={() => open(item)}
              >
                {bulkActionLabels[item]}…
              </Button>
            ))}
            <Button size="xs" variant="subtle" onClick={onClear}>
              Clear selection
            </Button>
          </Group>
        </Paper>
      ) : null}
      <Modal
        opened={kind !== null}
        onClose={close}
        title={title}
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {kind && !results ? (
          <Stack gap="sm">
            <Text size="sm">
              {kind === 'delete'
                ? 'These servers will be removed from their farms. This cannot be undone.'
                : kind === 'disable'
                  ? 'These servers will stop receiving traffic.'
                  : kind === 'enable'
                    ? 'These servers will receive traffic again.'
                    : 'A higher weight gets a bigger share of the traffic; 0 = no balanced traffic.'}{' '}
              Changes take effect once the configuration is applied.
            </Text>
            {kind === 'weight' ? (
              <NumberInput
                label="New weight"
                description="0–256"
                value={weight}
                onChange={setWeight}
                clampBehavior="none"
                error={weightError}
                data-autofocus
              />
            ) : null}
            <ScrollArea.Autosize mah={220}>
              <List size="sm" aria-label="Selected servers">
                {targets.map((server) => (
                  <List.Item key={server.serverId}>{serverLabel(server)}</List.Item>
                ))}
              </List>
            </ScrollArea.Autosize>
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={bulk.running}>
                Cancel
              </Button>
              <Button
                color={kind === 'delete' ? 'red' : undefined}
                onClick={confirm}
                loading={bulk.running}
                disabled={Boolean(weightError)}
              >
                {bulkActionTitle(kind, targets.length)}
              </Button>
            </Group>
          </Stack>
        ) : null}
        {results ? (
          <Stack gap="sm">
            {results.some((item) => !item.ok) ? (
              <Alert color="yellow" title="Some servers were not changed">
                The others were. Fix the reason shown and try again for these.
              </Alert>
            ) : null}
            <List size="sm" spacing={4} aria-label="Results" center>
              {results.map((item) => (
                <List.Item
                  key={item.serverId}
                  icon={
                    item.ok ? (
                      <IconCheck size={16} color="var(--mantine-color-green-6)" aria-hidden />
                    ) : (
                      <IconX size={16} color="var(--mantine-color-red-6)" aria-hidden />
                    )
                  }
                >
                  {item.ok ? `${item.label}: ${verbs[kind!]}` : `${item.label}: failed — ${item.error}`}
                </List.Item>
              ))}
            </List>
            <Group justify="flex-end">
              <Button onClick={close}>Done</Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </>
  );
}
