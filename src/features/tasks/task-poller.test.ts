import type { Task } from '@/api/generated';
import { createTaskPoller, type TimerSource, type VisibilitySource } from '@/features/tasks/task-poller';

/** A manual clock: timers fire only when the test advances time. */
function manualTimer() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const source: TimerSource = {
    set: (callback, ms) => {
      const id = nextId++;
      pending.set(id, { at: now + ms, callback });
      return id;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  return {
    source,
    pendingCount: () => pending.size,
    /** advances the clock, firing due timers and letting their promises settle */
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...pending.entries()]
          .filter(([, timer]) => timer.at <= end)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].callback();
        for (let i = 0; i < 5; i++) await Promise.resolve();
      }
      now = end;
    },
  };
}

function manualVisibility(initial = true) {
  let visible = initial;
  const listeners = new Set<() => void>();
  const source: VisibilitySource = {
    isVisible: () => visible,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    source,
    listenerCount: () => listeners.size,
    set(next: boolean) {
      visible = next;
      listeners.forEach((listener) => listener());
    },
  };
}

const task = (id: number, overrides: Partial<Task> = {}): Task => ({
  id,
  action: 'refreshIplb',
  creationDate: '2026-01-01T00:00:00Z',
  doneDate: null,
  progress: 0,
  status: 'todo',
  zones: ['gra'],
  ...overrides,
});

/** A fake server: each task goes through the listed states, one per read. */
function fakeServer(script: Record<number, Partial<Task>[]>) {
  const reads: number[][] = [];
  const fetchTasks = vi.fn(async (ids: number[]) => {
    reads.push(ids);
    return ids.map((id) => {
      const steps = script[id]!;
      const step = steps.length > 1 ? steps.shift()! : steps[0]!;
      return task(id, step);
    });
  });
  return { fetchTasks, reads };
}

describe('createTaskPoller', () => {
  it('makes no request when nothing runs, and none for a task that is already final', async () => {
    const timer = manualTimer();
    const { fetchTasks } = fakeServer({});
    const onFinished = vi.fn();
    const poller = createTaskPoller({
      fetchTasks,
      timer: timer.source,
      visibility: manualVisibility().source,
      onFinished,
    });
    await timer.advance(60_000);
    poller.track([task(1, { status: 'done', progress: 100 }), task(2, { status: 'error' })]);
    await timer.advance(60_000);
    expect(fetchTasks).not.toHaveBeenCalled();
    expect(timer.pendingCount()).toBe(0);
    expect(onFinished.mock.calls.map(([finished]) => finished.id)).toEqual([1, 2]);
    poller.dispose();
  });

  it('polls every interval with one request for all running tasks, and stops when they end', async () => {
    const timer = manualTimer();
    const server = fakeServer({
      1: [
        { status: 'doing', progress: 50 },
        { status: 'done', progress: 100 },
      ],
      2: [
        { status: 'doing', progress: 10 },
        { status: 'doing', progress: 60 },
        { status: 'error', progress: 60 },
      ],
    });
    const onUpdate = vi.fn();
    const onFinished = vi.fn();
    const poller = createTaskPoller({
      fetchTasks: server.fetchTasks,
      intervalMs: 2000,
      timer: timer.source,
      visibility: manualVisibility().source,
      onUpdate,
      onFinished,
    });
    poller.track([task(1), task(2)]);

    await timer.advance(1999);
    expect(server.reads).toEqual([]);
    await timer.advance(1);
    expect(server.reads).toEqual([[1, 2]]);
    expect(onUpdate.mock.calls.map(([t]) => [t.id, t.progress])).toEqual([
      [1, 50],
      [2, 10],
    ]);

    await timer.advance(2000);
    expect(server.reads).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect(onFinished.mock.calls.map(([t]) => [t.id, t.status])).toEqual([[1, 'done']]);

    // the finished task is not read again
    await timer.advance(2000);
    expect(server.reads.at(-1)).toEqual([2]);
    expect(onFinished.mock.calls.map(([t]) => [t.id, t.status])).toEqual([
      [1, 'done'],
      [2, 'error'],
    ]);

    // nothing runs: no more requests, no timer left
    await timer.advance(60_000);
    expect(server.reads).toHaveLength(3);
    expect(timer.pendingCount()).toBe(0);

    // tracking a finished task again does not read it
    poller.track([task(1, { status: 'doing' })]);
    await timer.advance(10_000);
    expect(server.reads).toHaveLength(3);
    poller.dispose();
  });

  it('pauses while the page is hidden and polls at once when it is visible again', async () => {
    const timer = manualTimer();
    const visibility = manualVisibility();
    const server = fakeServer({ 7: [{ status: 'doing', progress: 20 }] });
    const poller = createTaskPoller({
      fetchTasks: server.fetchTasks,
      intervalMs: 2000,
      timer: timer.source,
      visibility: visibility.source,
    });
    poller.track([task(7)]);
    await timer.advance(2000);
    expect(server.fetchTasks).toHaveBeenCalledTimes(1);

    visibility.set(false);
    await timer.advance(60_000);
    expect(server.fetchTasks).toHaveBeenCalledTimes(1);
    expect(timer.pendingCount()).toBe(0);

    visibility.set(true);
    await timer.advance(0);
    expect(server.fetchTasks).toHaveBeenCalledTimes(2);
    await timer.advance(2000);
    expect(server.fetchTasks).toHaveBeenCalledTimes(3);
    poller.dispose();
  });

  it('does not start polling a task tracked while the page is hidden until it is visible', async () => {
    const timer = manualTimer();
    const visibility = manualVisibility(false);
    const server = fakeServer({ 3: [{ status: 'doing' }] });
    const poller = createTaskPoller({
      fetchTasks: server.fetchTasks,
      timer: timer.source,
      visibility: visibility.source,
    });
    poller.track([task(3)]);
    await timer.advance(30_000);
    expect(server.fetchTasks).not.toHaveBeenCalled();
    visibility.set(true);
    await timer.advance(0);
    expect(server.reads).toEqual([[3]]);
    poller.dispose();
  });

  it('keeps polling after an error, drops a task the server no longer has, and stops everything on dispose', async () => {
    const timer = manualTimer();
    const visibility = manualVisibility();
    const onError = vi.fn();
    const onGone = vi.fn();
    const fetchTasks = vi
      .fn<(ids: number[]) => Promise<Task[]>>()
      .mockRejectedValueOnce(new Error('network down'))
      .mockResolvedValueOnce([task(1, { status: 'doing' })])
      .mockResolvedValue([task(1, { status: 'doing' })]);
    const poller = createTaskPoller({
      fetchTasks,
      timer: timer.source,
      visibility: visibility.source,
      onError,
      onGone,
      intervalMs: 1000,
    });
    poller.track([task(1), task(2)]);
    await timer.advance(1000);
    expect(onError).toHaveBeenCalledTimes(1);
    await timer.advance(1000);
    expect(onGone).toHaveBeenCalledWith(2);
    expect(poller.activeIds()).toEqual([1]);

    poller.dispose();
    expect(visibility.listenerCount()).toBe(0);
    await timer.advance(60_000);
    expect(fetchTasks).toHaveBeenCalledTimes(2);
  });
});
