import type { BackendProbe, ServerState } from '@/api/generated';
import type { HealthProfile, Protocol, ServiceState } from './state';
import { taskStatusAt } from './tasks';

/** A flapping server changes state every FLAP_PERIOD_MS (up, then down, then up…). */
export const FLAP_PERIOD_MS = 20_000;

const serverKey = (protocol: Protocol, serverId: number) => `${protocol}:${serverId}`;

/** A server was created or changed at `now`: it has no health results until its zone is refreshed. */
export function recordServerChange(service: ServiceState, protocol: Protocol, serverId: number, now: number): void {
  (service.serverChanges ??= {})[serverKey(protocol, serverId)] = now;
}

export function forgetServer(service: ServiceState, protocol: Protocol, serverId: number): void {
  delete service.health[serverKey(protocol, serverId)];
  if (service.serverChanges) delete service.serverChanges[serverKey(protocol, serverId)];
}

/**
 * Does the load balancer run the server as it stands? Yes for a server never changed through the
 * API (seeded), or when a refresh of its zone created at or after its last change has finished.
 */
export function isServerDeployed(service: ServiceState, protocol: Protocol, serverId: number, zone: string, now: number): boolean {
  const changedAt = service.serverChanges?.[serverKey(protocol, serverId)];
  if (changedAt === undefined) return true;
  return service.tasks.some(
    (task) =>
      task.action === 'refreshIplb' &&
      task.zones.includes(zone) &&
      Date.parse(task.creationDate) >= changedAt &&
      taskStatusAt(task, now).status === 'done',
  );
}

interface HealthInput {
  /** false: created or changed since the last finished refresh of its zone (no results yet) */
  deployed: boolean;
  status: 'active' | 'inactive';
  probe: boolean;
  profile: HealthProfile;
  farmProbe: BackendProbe | null;
  /** LB instances that run checks for the farm's zone */
  instanceIds: number[];
  now: number;
}

/** Is the server up at `now` for its profile? */
export function isHealthy(profile: HealthProfile, now: number): boolean {
  if (profile === 'up') return true;
  if (profile === 'down') return false;
  return Math.floor(now / FLAP_PERIOD_MS) % 2 === 0;
}

/** Health-check results per LB instance, computed from the clock (no timers, deterministic). */
export function computeServerState(input: HealthInput): ServerState[] {
  const { instanceIds, now } = input;
  if (!input.deployed) return [];
  if (input.status === 'inactive') {
    return instanceIds.map((instanceId) => ({
      instanceId,
      status: 'MAINT',
      checkStatus: null,
      checkCode: null,
      checkTime: null,
      lastCheckContent: null,
    }));
  }
  if (!input.probe) {
    return instanceIds.map((instanceId) => ({
      instanceId,
      status: 'no check',
      checkStatus: null,
      checkCode: null,
      checkTime: null,
      lastCheckContent: null,
    }));
  }
  const intervalMs = Math.max(30, input.farmProbe?.interval ?? 30) * 1000;
  const checkTime = new Date(Math.floor(now / intervalMs) * intervalMs).toISOString();
  const http = input.farmProbe?.type === 'http';
  const up = isHealthy(input.profile, now);
  return instanceIds.map((instanceId) =>
    up
      ? {
          instanceId,
          status: 'UP',
          checkStatus: http ? 'L7OK' : 'L4OK',
          checkCode: http ? '200' : null,
          checkTime,
          lastCheckContent: http ? 'HTTP/1.1 200 OK' : null,
        }
      : {
          instanceId,
          status: 'DOWN',
          checkStatus: 'L4CON',
          checkCode: null,
          checkTime,
          lastCheckContent: 'Connection refused',
        },
  );
}
