import { Badge, Button, Group, Popover, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconRocket } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { ApplyDialog } from '@/features/apply/components/apply-dialog';
import { planZones, pluralChanges, totalChanges } from '@/features/apply/apply-plan';
import { pendingChangesQuery } from '@/lib/iplb/pending-changes';
import { taskQueries } from '@/lib/iplb/task-queries';

/** Header: the number of changes waiting to be applied (per zone on click), and the Apply button. */
export function ApplyChanges({ serviceName }: { serviceName: string }) {
  const pending = useQuery(pendingChangesQuery(serviceName));
  const active = useQuery(taskQueries.active(serviceName));
  const [dialogOpened, dialog] = useDisclosure();
  const total = totalChanges(pending.data);
  const zones = planZones(pending.data, active.data);
  const applying = zones.some((zone) => zone.blockedReason);
  const countText = pending.isPending ? '…' : pending.isError ? '?' : String(total);

  return (
    <Group gap={6} wrap="nowrap">
      <Popover position="bottom-end" withArrow shadow="md">
        <Popover.Target>
          <UnstyledButton
            aria-label={`Pending changes: ${countText}. Show per zone`}
            data-testid="pending-changes"
          >
            <Badge
              size="lg"
              variant={total > 0 ? 'filled' : 'light'}
              color={pending.isError ? 'red' : total > 0 ? 'orange' : 'gray'}
              style={{ cursor: 'pointer' }}
            >
              {pending.isError ? 'Changes: ?' : `${countText} pending`}
            </Badge>
          </UnstyledButton>
        </Popover.Target>
        <Popover.Dropdown>
          {pending.isError ? (
            <Text size="sm" c="red">
              Could not read the pending changes: {pending.error.message}
            </Text>
          ) : total === 0 ? (
            <Text size="sm">Nothing waiting to be applied.</Text>
          ) : (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                Pending changes per zone
              </Text>
              <Table withRowBorders={false} verticalSpacing={2} aria-label="Pending changes per zone">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Zone</Table.Th>
                    <Table.Th ta="right">Changes</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {zones.map((zone) => (
                    <Table.Tr key={zone.zone}>
                      <Table.Td>{zone.zone}</Table.Td>
                      <Table.Td ta="right">{zone.changes}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {total > 0 ? (
                <Text size="xs" c="dimmed" maw={240}>
                  Apply lists the changes made from this browser in each zone.
                </Text>
              ) : null}
            </Stack>
          )}
        </Popover.Dropdown>
      </Popover>
      <Button
        size="xs"
        leftSection={<IconRocket size={16} />}
        onClick={dialog.open}
        disabled={total === 0 && !applying}
        variant={total > 0 ? 'filled' : 'default'}
        title={total === 0 ? 'Nothing to apply' : `Apply ${pluralChanges(total)}`}
      >
        Apply
      </Button>
      <ApplyDialog serviceName={serviceName} opened={dialogOpened} onClose={dialog.close} />
    </Group>
  );
}
