import {
  ActionIcon,
  Affix,
  Anchor,
  Badge,
  Button,
  CloseButton,
  Group,
  Indicator,
  Paper,
  Progress,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Task } from '@/api/generated';
import { useTaskMonitor, type TaskMonitorOptions } from '@/features/tasks/api/use-task-monitor';
import { TaskStatusBadge } from '@/features/tasks/components/task-status-badge';
import { formatDuration, formatZones, taskElapsedMs } from '@/features/tasks/task-format';
import { taskActionLabels } from '@/lib/iplb/task-queries';

/** `now`, re-read every second while `running` (no request: only the elapsed times move). */
function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const tick = () => setNow(Date.now());
    const first = window.setTimeout(tick, 0);
    const id = window.setInterval(tick, 1000);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(id);
    };
  }, [running]);
  return now;
}

function TaskRow({ task, now }: { task: Task; now: number }) {
  const label = taskActionLabels[task.action];
  return (
    <Stack gap={4} component="li" aria-label={`${label}, task ${task.id}`}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={600} truncate>
          {label}{' '}
          <Text span c="dimmed" size="xs">
            #{task.id}
          </Text>
        </Text>
        <TaskStatusBadge status={task.status} />
      </Group>
      <Progress
        value={task.progress}
        aria-label={`${label} progress`}
        color={task.status === 'error' ? 'red' : task.status === 'done' ? 'green' : 'blue'}
        animated={task.status === 'doing'}
        striped={task.status === 'doing'}
      />
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          Zones: {formatZones(task.zones)}
        </Text>
        <Text size="xs" c="dimmed">
          {task.progress}% · {task.doneDate ? 'took' : 'elapsed'} {formatDuration(taskElapsedMs(task, now))}
        </Text>
      </Group>
    </Stack>
  );
}

/**
 * The header's task button and the floating panel of running tasks. Mounts the service's one task
 * monitor; the panel opens by itself whenever a task it has not shown yet appears (an apply, a free
 * certificate order, or tasks found running when the app starts).
 */
export function TaskPanel({ serviceName, ...options }: { serviceName: string } & TaskMonitorOptions) {
  const { active, finished, clearFinished, pollError } = useTaskMonitor(serviceName, options);
  const [opened, setOpened] = useState(false);
  const shown = useRef(new Set<number>());
  const now = useNow(opened && active.length > 0);

  useEffect(() => {
    const fresh = active.filter((task) => !shown.current.has(task.id));
    if (fresh.length === 0) return;
    fresh.forEach((task) => shown.current.add(task.id));
    setOpened(true);
  }, [active]);

  const base = `/services/${encodeURIComponent(serviceName)}`;
  const tasks = [
    ...active,
    ...finished.filter((task) => !active.some((running) => running.id === task.id)),
  ].sort((a, b) => b.id - a.id);
  const buttonLabel = active.length ? `Tasks: ${active.length} running` : 'Tasks';

  return (
    <>
      <Tooltip label={buttonLabel}>
        <Indicator label={active.length} size={16} disabled={active.length === 0} processing>
          <ActionIcon
            variant={opened ? 'light' : 'subtle'}
            size="lg"
            aria-label={buttonLabel}
            aria-expanded={opened}
            aria-controls="task-panel"
            onClick={() => setOpened((value) => !value)}
          >
            <IconListCheck size={20} />
          </ActionIcon>
        </Indicator>
      </Tooltip>
      {opened ? (
        <Affix position={{ bottom: 16, left: 16 }} zIndex={190}>
          <Paper
            id="task-panel"
            role="region"
            aria-label="Task panel"
            withBorder
            shadow="md"
            p="sm"
            w={360}
            maw="calc(100vw - 32px)"
          >
            <Group justify="space-between" mb="xs" wrap="nowrap">
              <Group gap="xs">
                <Text fw={700}>Tasks</Text>
                <Badge variant="light" color={active.length ? 'blue' : 'gray'}>
                  {active.length} running
                </Badge>
              </Group>
              <CloseButton aria-label="Close task panel" onClick={() => setOpened(false)} />
            </Group>
            {pollError ? (
              <Text size="xs" c="red" role="alert" mb="xs">
                Could not read the tasks: {pollError.replace(/\.$/, '')}. Retrying.
              </Text>
            ) : null}
            {tasks.length === 0 ? (
              <Text size="sm" c="dimmed">
                No task is running. Applying the configuration or ordering a certificate starts one.
              </Text>
            ) : (
              <ScrollArea.Autosize mah={320}>
                <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {tasks.map((task) => (
                    <TaskRow key={task.id} task={task} now={now} />
                  ))}
                </Stack>
              </ScrollArea.Autosize>
            )}
            <Group justify="space-between" mt="sm">
              <Anchor component={Link} to={`${base}/tasks`} size="sm">
                All tasks
              </Anchor>
              {finished.length ? (
                <Button variant="subtle" size="compact-sm" onClick={clearFinished}>
                  Clear finished
                </Button>
              ) : null}
            </Group>
          </Paper>
        </Affix>
      ) : null}
    </>
  );
}
