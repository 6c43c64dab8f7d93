import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { Task, TaskActionEnum, TaskStatusEnum } from '@/api/generated';
import { api } from '@/lib/api-client';
import { iplbKeys } from '@/lib/iplb/keys';

/** A task in one of these states is still running and worth polling; the others are final. */
export const activeTaskStatuses = ['todo', 'doing', 'blocked'] as const satisfies readonly TaskStatusEnum[];

export const isTaskActive = (task: Pick<Task, 'status'>) =>
  (activeTaskStatuses as readonly TaskStatusEnum[]).includes(task.status);

export const taskActionLabels: Record<TaskActionEnum, string> = {
  deleteIplb: 'Delete load balancer',
  deployIplb: 'Deploy load balancer',
  install: 'Install',
  installIplb: 'Install load balancer',
  installZone: 'Install zone',
  orderFreeCertificate: 'Order free certificate',
  orderPaidCertificate: 'Order paid certificate',
  orderSsl: 'Order SSL certificate',
  refreshIplb: 'Apply configuration',
  releaseIplb: 'Release load balancer',
  releaseIplbZone: 'Release zone',
  reopenIplb: 'Reopen load balancer',
  suspendIplb: 'Suspend load balancer',
  suspendZone: 'Suspend zone',
  switchToIplbNextGenerationApi: 'Switch to next-generation API',
  vrackAttach: 'Attach vRack',
  vrackDetach: 'Detach vRack',
};

export const taskStatusLabels: Record<TaskStatusEnum, string> = {
  todo: 'Waiting',
  doing: 'Running',
  blocked: 'Blocked',
  done: 'Done',
  error: 'Failed',
  cancelled: 'Cancelled',
};

export const taskStatusColors: Record<TaskStatusEnum, string> = {
  todo: 'gray',
  doing: 'blue',
  blocked: 'orange',
  done: 'green',
  error: 'red',
  cancelled: 'gray',
};

/** Filters of `GET /task` (exact match; dates as ISO-8601 ranges). */
export interface TaskListFilters {
  action?: TaskActionEnum;
  status?: TaskStatusEnum;
  'creationDate.from'?: string;
  'creationDate.to'?: string;
}

export const tasksPath = (serviceName: string) => ['ipLoadbalancing', serviceName, 'task'];

/** Tasks matching the filters, full objects, in one expanded-list request. */
export const listTasks = (serviceName: string, filters: TaskListFilters = {}, signal?: AbortSignal) =>
  api().list<Task>(tasksPath(serviceName), { query: { ...filters }, signal });

export const getTask = (serviceName: string, id: number, signal?: AbortSignal) =>
  api().request<Task>('GET', [...tasksPath(serviceName), id], { signal });

/** Several tasks by id (a batch GET when the server supports it); ids gone meanwhile are skipped. */
export const getTasks = (serviceName: string, ids: readonly number[], signal?: AbortSignal) =>
  api().getMany<Task>(tasksPath(serviceName), ids, { signal, skipMissing: true });

/** Every task still running: one list request per active status (the API filters one status at a time). */
export async function listActiveTasks(serviceName: string, signal?: AbortSignal): Promise<Task[]> {
  const lists = await Promise.all(activeTaskStatuses.map((status) => listTasks(serviceName, { status }, signal)));
  return lists.flat().sort((a, b) => a.id - b.id);
}

const compactFilters = (filters: TaskListFilters) =>
  Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== '')) as TaskListFilters;

export const taskQueries = {
  /** prefix of the task lists and details (not of the active set, which the task poller keeps) */
  all: (serviceName: string) => iplbKeys.resource(serviceName, 'tasks'),
  list: (serviceName: string, filters: TaskListFilters = {}) => {
    const compact = compactFilters(filters);
    return queryOptions({
      queryKey: [...taskQueries.all(serviceName), 'list', compact] as const,
      queryFn: ({ signal }) => listTasks(serviceName, compact, signal),
    });
  },
  detail: (serviceName: string, id: number) =>
    queryOptions({
      queryKey: [...taskQueries.all(serviceName), 'detail', id] as const,
      queryFn: ({ signal }) => getTask(serviceName, id, signal),
    }),
  /**
   * The tasks running now. Read from the API once per service (so a reload resumes the task panel);
   * afterwards the task poller keeps it up to date with `setQueryData`, and `trackTask` adds new ones.
   */
  active: (serviceName: string) =>
    queryOptions({
      queryKey: iplbKeys.resource(serviceName, 'activeTasks'),
      queryFn: ({ signal }) => listActiveTasks(serviceName, signal),
      staleTime: Infinity,
    }),
};

/** Replaces (or adds) a task in a task array, keeping the id order. */
export function upsertTask(tasks: readonly Task[] | undefined, task: Task): Task[] {
  const others = (tasks ?? []).filter((existing) => existing.id !== task.id);
  return [...others, task].sort((a, b) => a.id - b.id);
}

/**
 * Hands a task the API just returned (refresh, free certificate order…) to the task panel: it is added
 * to the active set, which the one shared poller watches, and the panel opens.
 */
export function trackTask(queryClient: QueryClient, serviceName: string, task: Task): void {
  queryClient.setQueryData(taskQueries.active(serviceName).queryKey, (current) => upsertTask(current, task));
  void queryClient.invalidateQueries({ queryKey: [...taskQueries.all(serviceName), 'list'] });
}

/** Zones that have an apply (refreshIplb) waiting or running; `all` when a running apply names no zone. */
export function zonesBeingApplied(tasks: readonly Task[] | undefined): { zones: Set<string>; all: boolean; taskByZone: Map<string, Task> } {
  const zones = new Set<string>();
  const taskByZone = new Map<string, Task>();
  let all = false;
  for (const task of tasks ?? []) {
    if (task.action !== 'refreshIplb' || !isTaskActive(task)) continue;
    if (task.zones.length === 0) all = true;
    for (const zone of task.zones) {
      zones.add(zone);
      taskByZone.set(zone, task);
    }
  }
  return { zones, all, taskByZone };
}
