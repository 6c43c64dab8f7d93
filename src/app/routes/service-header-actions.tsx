import { Group } from '@mantine/core';
import { ApplyChanges } from '@/features/apply/components/apply-changes';
import { TaskPanel } from '@/features/tasks/components/task-panel';

/** Header actions of a service: pending changes with Apply, and the live task panel. */
export function ServiceHeaderActions({ serviceName }: { serviceName: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <ApplyChanges serviceName={serviceName} />
      <TaskPanel serviceName={serviceName} />
    </Group>
  );
}
