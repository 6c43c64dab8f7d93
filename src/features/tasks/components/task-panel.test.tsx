import { useQuery } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import type { Task } from '@/api/generated';
import { TaskPanel } from '@/features/tasks/components/task-panel';
import type { TimerSource, VisibilitySource } from '@/features/tasks/task-poller';
import { api } from '@/lib/api-client';
import { pendingChangesQuery } from '@/lib/iplb/pending-changes';
import { trackTask } from '@/lib/iplb/task-queries';
import { renderWithProviders } from '@/testing/render';
import { useTestSandbox } from '@/testing/sandbox-server';

const serviceName = 'loadbalancer-demo-multi';
const duration = 10_000;

/** Timers that fire only when the test says so. */
function manualTimer() {
  const pending = new Map<number, () => void>();
  let next = 1;
  const source: TimerSource = {
    set: (callback) => {
      pending.set(next, callback);
      return next++;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  return {
    source,
    pendingCount: () => pending.size,
    fire: async () => {
      const callbacks = [...pending.values()];
      pending.clear();
      await act(async () => {
        callbacks.forEach((callback) => callback());
      });
    },
  };
}

const applyConfiguration = (serviceName: string, zone?: string) =>
  api().request<Task>('POST', ['ipLoadbalancing', serviceName, 'refresh'], { body: zone ? { zone } : {} });

/** Stands for the header's pending-changes badge (another feature): shows the total it reads. */
function PendingTotal({ serviceName }: { serviceName: string }) {
  const pending = useQuery(pendingChangesQuery(serviceName));
  return (
    <p>{pending.data ? `${pending.data.reduce((sum, zone) => sum + zone.number, 0)} pending` : 'loading'}</p>
  );
}

const visible: VisibilitySource = { isVisible: () => true, subscribe: () => () => {} };

describe('TaskPanel', () => {
  let clockNow = Date.parse('2026-03-01T10:00:00Z');
  const context = useTestSandbox({ clock: { now: () => clockNow }, refreshDurationMs: duration });
  beforeEach(() => {
    clockNow = Date.parse('2026-03-01T10:00:00Z');
  });

  it('discovers running tasks once, polls nothing while idle, follows an apply to the end and refreshes pending changes', async () => {
    const timer = manualTimer();
    const { queryClient } = renderWithProviders(
      <>
        <PendingTotal serviceName={serviceName} />
        <TaskPanel serviceName={serviceName} timer={timer.source} visibility={visible} />
      </>,
    );
    expect(await screen.findByText('3 pending')).toBeVisible();
    const taskReads = () =>
      context.requests.filter((request) => request.method === 'GET' && request.path.includes('/task'));
    await waitFor(() => expect(taskReads()).toHaveLength(3));
    expect(
      taskReads()
        .map((request) => request.path)
        .sort(),
    ).toEqual([
      `/ipLoadbalancing/${serviceName}/task?status=blocked`,
      `/ipLoadbalancing/${serviceName}/task?status=doing`,
      `/ipLoadbalancing/${serviceName}/task?status=todo`,
    ]);
    // idle: no timer, no request
    expect(timer.pendingCount()).toBe(0);
    expect(screen.queryByRole('region', { name: 'Task panel' })).not.toBeInTheDocument();

    const task = await applyConfiguration(serviceName);
    act(() => trackTask(queryClient, serviceName, task));
    const panel = await screen.findByRole('region', { name: 'Task panel' });
    expect(within(panel).getByText('Apply configuration')).toBeVisible();
    expect(within(panel).getByText('Waiting')).toBeVisible();
    expect(within(panel).getByText('Zones: rbx, sbg')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Tasks: 1 running' })).toBeVisible();

    const before = context.requests.length;
    clockNow += duration * 0.6;
    await timer.fire();
    await waitFor(() => expect(within(panel).getByText('Running')).toBeVisible());
    const progress = within(panel).getByRole('progressbar', { name: 'Apply configuration progress' });
    expect(Number(progress.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    expect(context.requests.slice(before).map((request) => request.path)).toEqual([
      `/ipLoadbalancing/${serviceName}/task/${task.id}`,
    ]);

    clockNow += duration;
    await timer.fire();
    await waitFor(() => expect(within(panel).getByText('Done')).toBeVisible());
    expect(await screen.findByText('Apply configuration: done')).toBeVisible();
    expect(await screen.findByText('0 pending')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Tasks' })).toBeVisible();

    // the task is over: nothing is scheduled and nothing more is read
    const after = context.requests.length;
    expect(timer.pendingCount()).toBe(0);
    await timer.fire();
    expect(
      context.requests.slice(after).filter((request) => request.path.includes(`/task/${task.id}`)),
    ).toEqual([]);
  });

  it('resumes the panel for a task already running when the app starts', async () => {
    await applyConfiguration(serviceName, 'sbg');
    renderWithProviders(
      <TaskPanel serviceName={serviceName} timer={manualTimer().source} visibility={visible} />,
    );
    const panel = await screen.findByRole('region', { name: 'Task panel' });
    expect(within(panel).getByText('Zones: sbg')).toBeVisible();
  });
});
