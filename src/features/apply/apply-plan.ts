import type { PendingChanges, Task } from '@/api/generated';
import { zonesBeingApplied } from '@/lib/iplb/task-queries';

export interface ZonePlan {
  zone: string;
  changes: number;
  /** why this zone cannot be applied now (an apply of it is waiting or running); null when it can */
  blockedReason: string | null;
}

/**
 * One row per zone of the service (the zones `GET /zone` lists, plus any the pending changes name), with
 * why it cannot be applied now. A zone with no pending change is NOT blocked: applying it is harmless.
 */
export function planZones(
  pending: readonly PendingChanges[] | undefined,
  activeTasks: readonly Task[] | undefined,
  serviceZones: readonly string[] = [],
): ZonePlan[] {
  const running = zonesBeingApplied(activeTasks);
  const counts = new Map<string, number>(serviceZones.map((zone) => [zone, 0]));
  for (const { zone, number } of pending ?? []) counts.set(zone, number);
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([zone, changes]) => {
      const task =
        running.taskByZone.get(zone) ??
        (running.all ? [...(activeTasks ?? [])].find((t) => t.action === 'refreshIplb') : undefined);
      const blockedReason = task
        ? `An apply of this zone is already ${task.status === 'todo' ? 'waiting to start' : task.status === 'blocked' ? 'blocked' : 'running'} (task ${task.id}): wait for it to finish`
        : null;
      return { zone, changes, blockedReason };
    });
}

/** What to send: `POST /refresh` without zone (every zone in one call), one `POST /refresh {zone}` per zone, or nothing. */
export type ApplyRequest = { all: true; zones: string[] } | { all: false; zones: string[] };

/**
 * The request for the ticked zones. "All zones" (one call without zone) only when every zone of the service
 * is ticked — so never while one of them is being applied (it cannot be ticked, and the API would refuse the
 * whole call) — and only when the service's zone list is known (`zonesKnown`); otherwise one call per zone.
 */
export function applyRequest(
  zones: readonly ZonePlan[],
  chosen: readonly string[],
  zonesKnown: boolean,
): ApplyRequest {
  const ticked = zones
    .filter((zone) => !zone.blockedReason && chosen.includes(zone.zone))
    .map((zone) => zone.zone);
  const every = zonesKnown && zones.length > 0 && ticked.length === zones.length;
  return { all: every, zones: ticked };
}

/** "gra", "gra and rbx", "gra, rbx and sbg". */
export function joinZones(zones: readonly string[]): string {
  if (zones.length <= 1) return zones.join('');
  return `${zones.slice(0, -1).join(', ')} and ${zones[zones.length - 1]}`;
}

/** The submit button says exactly what will happen: "Apply all 3 zones", "Apply gra and rbx", "Apply gra". */
export function applyLabel(request: ApplyRequest): string {
  if (request.zones.length === 0) return 'Apply';
  if (request.all && request.zones.length > 1) return `Apply all ${request.zones.length} zones`;
  return `Apply ${joinZones(request.zones)}`;
}

/** A zone is ticked by default when it has changes and can be applied. */
export const tickedByDefault = (zone: ZonePlan) => zone.changes > 0 && !zone.blockedReason;

export const totalChanges = (pending: readonly PendingChanges[] | undefined) =>
  (pending ?? []).reduce((sum, entry) => sum + entry.number, 0);

export const pluralChanges = (count: number) => `${count} change${count === 1 ? '' : 's'}`;
