import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApplyConfiguration, type ApplyRequest } from '@/features/apply/api/apply-mutations';
import { planZones, pluralChanges } from '@/features/apply/apply-plan';
import { pendingChangesQuery } from '@/lib/iplb/pending-changes';
import { taskQueries } from '@/lib/iplb/task-queries';

interface ApplyDialogProps {
  serviceName: string;
  opened: boolean;
  onClose: () => void;
}

/**
 * Lists the zones with their pending changes and applies all of them (one `POST /refresh`) or the chosen
 * ones (one `POST /refresh {zone}` each). A zone with an apply already waiting or running cannot be chosen,
 * and says why.
 */
export function ApplyDialog({ serviceName, opened, onClose }: ApplyDialogProps) {
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={opened}
      onClose={onClose}
      title="Apply configuration"
      size="lg"
    >
      {opened ? <ApplyForm serviceName={serviceName} onClose={onClose} /> : null}
    </Modal>
  );
}

function ApplyForm({ serviceName, onClose }: { serviceName: string; onClose: () => void }) {
  const pending = useQuery(pendingChangesQuery(serviceName));
  const active = useQuery(taskQueries.active(serviceName));
  const apply = useApplyConfiguration(serviceName);
  const zones = planZones(pending.data, active.data);
  const eligible = zones.filter((zone) => !zone.blockedReason).map((zone) => zone.zone);
  // zones the user unticked (everything eligible is chosen by default, including zones that become eligible)
  const [unchecked, setUnchecked] = useState<Set<string>>(() => new Set());
  const chosen = eligible.filter((zone) => !unchecked.has(zone));
  const withChanges = zones.filter((zone) => zone.changes > 0);
  const everyZone =
    withChanges.length > 0 && withChanges.every((zone) => !zone.blockedReason && chosen.includes(zone.zone));

  const toggle = (zone: string) =>
    setUnchecked((current) => {
      const next = new Set(current);
      if (next.has(zone)) next.delete(zone);
      else next.add(zone);
      return next;
    });

  const submit = () => {
    const request: ApplyRequest = everyZone ? { all: true } : { all: false, zones: chosen };
    apply.mutate(request, {
      onSuccess: ({ tasks, failures }) => {
        if (tasks.length) {
          notifications.show({
            closeButtonProps: { 'aria-label': 'Close notification' },
            color: 'blue',
            title: 'Apply started',
            message: `${tasks.length === 1 ? 'Task' : 'Tasks'} ${tasks.map((task) => task.id).join(', ')} started: follow progress in the task panel.`,
          });
        }
        if (failures.length === 0) onClose();
      },
    });
  };

  if (pending.isPending) return <Text c="dimmed">Reading pending changes…</Text>;
  if (pending.isError) {
    return (
      <Alert color="red" title="Could not read the pending changes" role="alert">
        {pending.error.message}
      </Alert>
    );
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen.length) submit();
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Changes to frontends, farms and servers wait here until you apply them. Applying deploys the
          configuration of each chosen zone; it takes a little while, and the task panel shows its progress.
        </Text>
        {zones.length === 0 ? (
          <Text>This load balancer reports no zone with pending changes.</Text>
        ) : (
          <Stack gap="xs" role="group" aria-label="Zones to apply">
            {zones.map((zone) => (
              <Checkbox
                key={zone.zone}
                label={`${zone.zone} — ${pluralChanges(zone.changes)}`}
                description={zone.blockedReason ?? undefined}
                checked={!zone.blockedReason && !unchecked.has(zone.zone)}
                disabled={Boolean(zone.blockedReason) || apply.isPending}
                onChange={() => toggle(zone.zone)}
              />
            ))}
          </Stack>
        )}
        {apply.data?.failures.length ? (
          <Alert color="red" title="The API refused to apply" role="alert">
            {apply.data.failures.map((failure) => (
              <Text key={failure.zone ?? 'all'} size="sm">
                {failure.zone ? `Zone ${failure.zone}: ` : ''}
                {failure.message}
              </Text>
            ))}
          </Alert>
        ) : null}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={apply.isPending} disabled={chosen.length === 0}>
            {everyZone ? 'Apply all zones' : `Apply ${chosen.length} zone${chosen.length === 1 ? '' : 's'}`}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
