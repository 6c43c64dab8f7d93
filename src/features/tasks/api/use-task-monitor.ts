import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import type { Task } from '@/api/generated';
import { createTaskPoller, type TaskPoller, type TaskPollerOptions } from '@/features/tasks/task-poller';
import { formatZones } from '@/features/tasks/task-format';
import { describeError } from '@/lib/describe-error';
import { invalidatePendingChanges } from '@/lib/iplb/pending-changes';
import { sslQueries } from '@/lib/iplb/ssl-queries';
import {
  getTasks,
  taskActionLabels,
  taskQueries,
  taskStatusLabels,
  upsertTask,
} from '@/lib/iplb/task-queries';

export interface TaskMonitorOptions {
  /** poll period while a task runs (default 2 s) */
  intervalMs?: number;
  /** test seams */
  timer?: TaskPollerOptions['timer'];
  visibility?: TaskPollerOptions['visibility'];
}

/** Reloads what a finished task changed. */
export function refreshAfterTask(queryClient: QueryClient, serviceName: string, task: Task) {
  void queryClient.invalidateQueries({ queryKey: [...taskQueries.all(serviceName), 'list'] });
  void queryClient.invalidateQueries({ queryKey: [...taskQueries.all(serviceName), 'detail', task.id] });
  if (task.action === 'refreshIplb') void invalidatePendingChanges(queryClient, serviceName);
  if (
    task.action === 'orderFreeCertificate' ||
    task.action === 'orderSsl' ||
    task.action === 'orderPaidCertificate'
  ) {
    void queryClient.invalidateQueries({ queryKey: sslQueries.all(serviceName) });
  }
}

function notifyFinished(task: Task) {
  const label = taskActionLabels[task.action];
  const ok = task.status === 'done';
  notifications.show({
    closeButtonProps: { 'aria-label': 'Close notification' },
    color: ok ? 'green' : task.status === 'cancelled' ? 'gray' : 'red',
    title: `${label}: ${taskStatusLabels[task.status].toLowerCase()}`,
    message: ok
      ? `Task ${task.id} (${formatZones(task.zones)}) finished.`
      : `Task ${task.id} (${formatZones(task.zones)}) ended as "${task.status}". Check the Tasks page and try again.`,
  });
}

/**
 * The one task watcher of a service (mounted once, in the header): discovers running tasks once,
 * then keeps the active set up to date through ONE shared poller, notifies when a task ends and
 * reloads what it changed. Returns the running tasks and those that ended while the app was open.
 */
export function useTaskMonitor(serviceName: string, options: TaskMonitorOptions = {}) {
  const queryClient = useQueryClient();
  const { intervalMs, timer, visibility } = options;
  const activeQuery = useQuery(taskQueries.active(serviceName));
  const [finished, setFinished] = useState<Task[]>([]);
  const [pollError, setPollError] = useState<string | null>(null);
  const pollerRef = useRef<TaskPoller | null>(null);

  useEffect(() => {
    const activeKey = taskQueries.active(serviceName).queryKey;
    const remove = (id: number) =>
      queryClient.setQueryData(activeKey, (current) => current?.filter((task) => task.id !== id));
    const poller = createTaskPoller({
      intervalMs,
      timer,
      visibility,
      fetchTasks: (ids) => getTasks(serviceName, ids),
      onUpdate: (task) => {
        setPollError(null);
        queryClient.setQueryData(activeKey, (current) => upsertTask(current, task));
      },
      onFinished: (task) => {
        setPollError(null);
        remove(task.id);
        setFinished((current) => upsertTask(current, task));
        notifyFinished(task);
        refreshAfterTask(queryClient, serviceName, task);
      },
      onGone: remove,
      onError: (error) => setPollError(describeError(error)),
    });
    pollerRef.current = poller;
    const current = queryClient.getQueryData(activeKey);
    if (current) poller.track(current);
    return () => {
      poller.dispose();
      pollerRef.current = null;
    };
  }, [serviceName, intervalMs, timer, visibility, queryClient]);

  useEffect(() => {
    if (activeQuery.data) pollerRef.current?.track(activeQuery.data);
  }, [activeQuery.data]);

  return {
    active: activeQuery.data ?? [],
    finished,
    clearFinished: () => setFinished([]),
    pollError,
    discoveryError: activeQuery.error,
  };
}
