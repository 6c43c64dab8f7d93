import type { PendingChanges, Task } from '@/api/generated';
import { zonesBeingApplied } from '@/lib/iplb/task-queries';

export interface ZonePlan {
  zone: string;
  changes: number;
  /** why this zone cannot be applied now; null when it can */
  blockedReason: string | null;
}

/** One row per zone of the pending changes, with why it cannot be applied now (running apply, nothing to apply). */
export function planZones(
  pending: readonly PendingChanges[] | undefined,
  activeTasks: readonly Task[] | undefined,
): ZonePlan[] {
  const running = zonesBeingApplied(activeTasks);
  return [...(pending ?? [])]
    .sort((a, b) => a.zone.localeCompare(b.zone))
    .map(({ zone, number }) => {
      const task =
        running.taskByZone.get(zone) ??
        (running.all ? [...(activeTasks ?? [])].find((t) => t.action === 'refreshIplb') : undefined);
      let blockedReason: string | null = null;
      if (task) {
        blockedReason = `An apply of this zone is already ${task.status === 'todo' ? 'waiting to start' : task.status === 'blocked' ? 'blocked' : 'running'} (task ${task.id}): wait for it to finish`;
      } else if (number === 0) {
        blockedReason = 'No change to apply';
      }
      return { zone, changes: number, blockedReason };
    });
}

export const totalChanges = (pending: readonly PendingChanges[] | undefined) =>
  (pending ?? []).reduce((sum, entry) => sum + entry.number, 0);

export const pluralChanges = (count: number) => `${count} change${count === 1 ? '' : 's'}`;
