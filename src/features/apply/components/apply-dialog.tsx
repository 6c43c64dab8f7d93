import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApplyConfiguration } from '@/features/apply/api/apply-mutations';
import { serviceZonesQuery } from '@/features/apply/api/apply-queries';
import {
  applyLabel,
  applyRequest,
  joinZones,
  planZones,
  pluralChanges,
  tickedByDefault,
  type ApplyRequest,
  type ZonePlan,
} from '@/features/apply/apply-plan';
import { BrowserChangesList } from '@/features/apply/components/browser-changes-list';
import { useBrowserChanges } from '@/features/apply/use-browser-changes';
import { pendingChangesQuery } from '@/lib/iplb/pending-changes';
import { taskQueries } from '@/lib/iplb/task-queries';

interface ApplyDialogProps {
  serviceName: string;
  opened: boolean;
  onClose: () => void;
}

/**
 * Lists every zone with its pending changes (zones with changes ticked by default; a zone with none can
 * still be ticked) and applies all of them (one `POST /refresh`, only when every zone of the service is
 * ticked) or the ticked ones (one `POST /refresh {zone}` each). A zone with an apply already waiting or
 * running cannot be ticked, says why, and rules out "all zones" (the API would refuse the whole call).
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

function requestSummary(request: ApplyRequest, zones: readonly ZonePlan[]): string {
  if (request.zones.length === 0) return 'Tick at least one zone to apply.';
  if (request.all) return 'One apply task for every zone of this load balancer.';
  const busy = zones.filter((zone) => zone.blockedReason).map((zone) => zone.zone);
  const count = request.zones.length;
  return `${count === 1 ? 'One apply task' : `${count} apply tasks, one per zone`}${
    busy.length
      ? ` (not "all zones": ${joinZones(busy)} ${busy.length === 1 ? 'is' : 'are'} already being applied)`
      : ''
  }.`;
}

function ApplyForm({ serviceName, onClose }: { serviceName: string; onClose: () => void }) {
  const pending = useQuery(pendingChangesQuery(serviceName));
  const active = useQuery(taskQueries.active(serviceName));
  const serviceZones = useQuery(serviceZonesQuery(serviceName));
  const apply = useApplyConfiguration(serviceName);
  const zones = planZones(pending.data, active.data, serviceZones.data);
  // the API has no diff: list what was written from this browser (a zone reporting 0 pending shows none)
  const browserChanges = useBrowserChanges(
    serviceName,
    zones.map((zone) => zone.zone),
  );
  // what the user ticked or unticked; the other zones follow their default (ticked when they have changes)
  const [overrides, setOverrides] = useState<ReadonlyMap<string, boolean>>(() => new Map());
  const isTicked = (zone: ZonePlan) =>
    !zone.blockedReason && (overrides.get(zone.zone) ?? tickedByDefault(zone));
  const request = applyRequest(
    zones,
    zones.filter(isTicked).map((zone) => zone.zone),
    serviceZones.isSuccess,
  );

  const toggle = (zone: ZonePlan) =>
    setOverrides((current) => new Map(current).set(zone.zone, !isTicked(zone)));

  const submit = () => {
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

  if (pending.isPending || serviceZones.isPending || active.isPending) {
    return <Text c="dimmed">Reading pending changes…</Text>;
  }
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
        if (request.zones.length) submit();
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Changes to frontends, farms and servers wait here until you apply them. Applying deploys the
          configuration of each chosen zone; it takes a little while, and the task panel shows its progress.
          Under each zone: the changes made from this browser since its last apply (the API only counts
          changes; those made elsewhere are not listed).
        </Text>
        {zones.length === 0 ? (
          <Text>This load balancer reports no zone.</Text>
        ) : (
          <Stack gap="xs" role="group" aria-label="Zones to apply">
            {zones.map((zone) => (
              <Stack key={zone.zone} gap={4}>
                <Checkbox
                  label={`${zone.zone} — ${pluralChanges(zone.changes)}`}
                  description={
                    zone.blockedReason ??
                    (zone.changes === 0 ? 'Nothing pending: applying it changes nothing' : undefined)
                  }
                  checked={isTicked(zone)}
                  disabled={Boolean(zone.blockedReason) || apply.isPending}
                  onChange={() => toggle(zone)}
                />
                {zone.changes > 0 ? (
                  <BrowserChangesList
                    zone={zone.zone}
                    entries={browserChanges.get(zone.zone) ?? []}
                    pending={zone.changes}
                  />
                ) : null}
              </Stack>
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
        <Text size="sm" c="dimmed" aria-live="polite">
          {requestSummary(request, zones)}
        </Text>
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={apply.isPending} disabled={request.zones.length === 0}>
            {applyLabel(request)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
