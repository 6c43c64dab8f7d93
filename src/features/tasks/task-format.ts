import type { Task } from '@/api/generated';

/** "42 s", "3 min 05 s", "2 h 10 min" */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** Time from creation to the end (or to `now` while it runs). */
export function taskElapsedMs(task: Pick<Task, 'creationDate' | 'doneDate'>, now: number): number {
  const start = Date.parse(task.creationDate);
  const end = task.doneDate ? Date.parse(task.doneDate) : now;
  return Number.isFinite(start) && Number.isFinite(end) ? end - start : 0;
}

export const formatZones = (zones: readonly string[]) => (zones.length ? zones.join(', ') : 'all zones');

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
export const formatDateTime = (iso: string | null | undefined) =>
  iso ? dateTime.format(new Date(iso)) : '—';
