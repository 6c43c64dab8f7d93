import type { Ssl, Task, TaskStatusEnum } from '@/api/generated';
import type { SandboxState, ServiceState, StoredTask } from './state';
import { takeId } from './state';

/**
 * Task engine, computed lazily from the clock: a task is `todo` for the first 20 % of its duration,
 * `doing` with rising progress until its end, then `done`; effects are applied by `advanceTasks`.
 */

const TODO_SHARE = 0.2;

export function taskStatusAt(task: StoredTask, now: number): { status: TaskStatusEnum; progress: number; doneDate: string | null } {
  const start = Date.parse(task.creationDate);
  const end = start + task.durationMs;
  if (task.finalStatus) {
    return { status: task.finalStatus, progress: task.finalStatus === 'done' ? 100 : 0, doneDate: new Date(end).toISOString() };
  }
  if (now >= end) return { status: 'done', progress: 100, doneDate: new Date(end).toISOString() };
  const elapsed = Math.max(0, now - start);
  if (elapsed < task.durationMs * TODO_SHARE) return { status: 'todo', progress: 0, doneDate: null };
  const share = (elapsed - task.durationMs * TODO_SHARE) / (task.durationMs * (1 - TODO_SHARE));
  return { status: 'doing', progress: Math.min(99, Math.max(1, Math.floor(share * 100))), doneDate: null };
}

export function taskView(task: StoredTask, now: number): Task {
  const { status, progress, doneDate } = taskStatusAt(task, now);
  return { id: task.id, action: task.action, zones: [...task.zones], creationDate: task.creationDate, doneDate, progress, status };
}

export function isRunning(task: StoredTask, now: number): boolean {
  const { status } = taskStatusAt(task, now);
  return status === 'todo' || status === 'doing';
}

export function createTask(
  state: SandboxState,
  service: ServiceState,
  now: number,
  values: Pick<StoredTask, 'action' | 'zones' | 'durationMs'> & Partial<StoredTask>,
): StoredTask {
  const task: StoredTask = {
    id: takeId(state, 'task'),
    creationDate: new Date(now).toISOString(),
    finalStatus: null,
    applied: false,
    ...values,
  };
  service.tasks.push(task);
  return task;
}

/** Stable hex digest (FNV-1a based) for fingerprints and serials of simulated certificates. */
export function pseudoHash(text: string, length: number): string {
  let out = '';
  let seed = 0x811c9dc5;
  while (out.length < length) {
    for (let index = 0; index < text.length; index++) {
      seed ^= text.charCodeAt(index);
      seed = Math.imul(seed, 0x01000193) >>> 0;
    }
    seed ^= out.length;
    out += seed.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

function applyTask(state: SandboxState, service: ServiceState, task: StoredTask, doneAt: number): void {
  if (task.action === 'refreshIplb' && task.pendingAtStart) {
    for (const [zone, count] of Object.entries(task.pendingAtStart)) {
      service.pendingChanges[zone] = Math.max(0, (service.pendingChanges[zone] ?? 0) - count);
    }
  }
  if (task.action === 'orderFreeCertificate' && task.fqdn && task.fqdn.length > 0) {
    const id = takeId(state, 'ssl');
    const certificate: Ssl = {
      id,
      displayName: null,
      type: 'built',
      subject: `CN=${task.fqdn[0]}`,
      san: [...task.fqdn],
      serial: pseudoHash(`serial:${id}:${task.fqdn.join(',')}`, 32),
      fingerprint: pseudoHash(`fingerprint:${id}:${task.fqdn.join(',')}`, 64),
      expireDate: new Date(doneAt + 90 * 24 * 3600 * 1000).toISOString(),
    };
    service.ssl.push(certificate);
  }
  task.applied = true;
}

/** Apply the effects of tasks that finished by `now`. Returns true when the state changed. */
export function advanceTasks(state: SandboxState, now: number): boolean {
  let changed = false;
  for (const service of Object.values(state.services)) {
    for (const task of service.tasks) {
      if (task.applied || task.finalStatus) continue;
      const end = Date.parse(task.creationDate) + task.durationMs;
      if (now < end) continue;
      applyTask(state, service, task, end);
      changed = true;
    }
  }
  return changed;
}
