import type { Task } from '@/api/generated';
import { isTaskActive } from '@/lib/iplb/task-queries';

/** Where the poller learns whether the page is visible (document.visibilityState in the browser). */
export interface VisibilitySource {
  isVisible(): boolean;
  /** calls `listener` on every change; returns the unsubscribe function */
  subscribe(listener: () => void): () => void;
}

export interface TimerSource {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface TaskPollerOptions {
  /** reads the current state of these tasks: ONE call per tick for every active task */
  fetchTasks: (ids: number[]) => Promise<Task[]>;
  /** time between two polls (default 2 s) */
  intervalMs?: number;
  timer?: TimerSource;
  visibility?: VisibilitySource;
  /** a tracked task changed (progress, status) */
  onUpdate?: (task: Task) => void;
  /** a tracked task reached a final state (done, error, cancelled); it is never polled again */
  onFinished?: (task: Task) => void;
  /** a tracked task no longer exists on the server; it is dropped */
  onGone?: (id: number) => void;
  onError?: (error: unknown) => void;
}

export interface TaskPoller {
  /** starts watching these tasks (those already final are reported as finished at once; tasks seen final before are ignored) */
  track(tasks: readonly Task[]): void;
  /** ids watched now */
  activeIds(): number[];
  /** stops everything: no timer, no listener, late answers ignored */
  dispose(): void;
}

export const defaultPollIntervalMs = 2000;

export const browserTimer: TimerSource = {
  set: (callback, ms) => globalThis.setTimeout(callback, ms),
  clear: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const documentVisibility: VisibilitySource = {
  isVisible: () => typeof document === 'undefined' || document.visibilityState !== 'hidden',
  subscribe: (listener) => {
    if (typeof document === 'undefined') return () => {};
    document.addEventListener('visibilitychange', listener);
    return () => document.removeEventListener('visibilitychange', listener);
  },
};

/**
 * One poller for every running task of a service. It makes a request only while at least one watched
 * task is todo/doing/blocked and the page is visible; one request per tick covers all of them; a task
 * that reached a final state is dropped and never read again. When the page becomes visible again after
 * being hidden, it polls at once.
 */
export function createTaskPoller(options: TaskPollerOptions): TaskPoller {
  const intervalMs = options.intervalMs ?? defaultPollIntervalMs;
  const timer = options.timer ?? browserTimer;
  const visibility = options.visibility ?? documentVisibility;
  const active = new Map<number, Task>();
  /** tasks seen in a final state: never tracked (so never read) again */
  const finished = new Set<number>();
  let handle: unknown = null;
  let inFlight = false;
  let disposed = false;

  const cancelTimer = () => {
    if (handle !== null) timer.clear(handle);
    handle = null;
  };

  const schedule = (delay = intervalMs) => {
    if (disposed || inFlight || handle !== null || active.size === 0 || !visibility.isVisible()) return;
    handle = timer.set(() => {
      handle = null;
      void tick();
    }, delay);
  };

  const finish = (task: Task) => {
    active.delete(task.id);
    finished.add(task.id);
    options.onFinished?.(task);
  };

  const tick = async () => {
    if (disposed || active.size === 0 || !visibility.isVisible()) return;
    const ids = [...active.keys()];
    inFlight = true;
    try {
      const tasks = await options.fetchTasks(ids);
      if (disposed) return;
      const seen = new Set<number>();
      for (const task of tasks) {
        seen.add(task.id);
        if (!active.has(task.id)) continue;
        if (isTaskActive(task)) {
          active.set(task.id, task);
          options.onUpdate?.(task);
        } else {
          finish(task);
        }
      }
      for (const id of ids) {
        if (!seen.has(id) && active.has(id)) {
          active.delete(id);
          options.onGone?.(id);
        }
      }
    } catch (error) {
      if (!disposed) options.onError?.(error);
    } finally {
      inFlight = false;
    }
    schedule();
  };

  const unsubscribe = visibility.subscribe(() => {
    if (visibility.isVisible()) {
      cancelTimer();
      schedule(0);
    } else {
      cancelTimer();
    }
  });

  return {
    track(tasks) {
      if (disposed) return;
      for (const task of tasks) {
        if (finished.has(task.id)) continue;
        if (!isTaskActive(task)) finish(task);
        else active.set(task.id, task);
      }
      schedule();
    },
    activeIds: () => [...active.keys()],
    dispose() {
      disposed = true;
      cancelTimer();
      unsubscribe();
      active.clear();
    },
  };
}
