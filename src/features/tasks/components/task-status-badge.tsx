import { Badge } from '@mantine/core';
import type { TaskStatusEnum } from '@/api/generated';
import { taskStatusColors, taskStatusLabels } from '@/lib/iplb/task-queries';

/** A task's status as words (colour only repeats them). */
export function TaskStatusBadge({ status }: { status: TaskStatusEnum }) {
  return (
    <Badge color={taskStatusColors[status]} variant="light">
      {taskStatusLabels[status]}
    </Badge>
  );
}
