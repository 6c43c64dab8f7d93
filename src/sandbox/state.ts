import type {
  BackendHttp,
  BackendHTTPServer,
  BackendTcp,
  BackendTCPServer,
  BackendUdp,
  BackendUDPServer,
  FrontendHttp,
  FrontendTcp,
  FrontendUdp,
  Ip,
  NatIps,
  Quota,
  RouteHttp,
  RouteRule,
  RouteTcp,
  Ssl,
  TaskActionEnum,
  TaskStatusEnum,
} from '@/api/generated';

export type SeedName = 'demo' | 'empty' | 'large';
export type Protocol = 'http' | 'tcp' | 'udp';
export type RouteProtocol = 'http' | 'tcp';
export const protocols: readonly Protocol[] = ['http', 'tcp', 'udp'];

export type AnyFrontend = FrontendHttp | FrontendTcp | FrontendUdp;
export type AnyFarm = BackendHttp | BackendTcp | BackendUdp;
/** Servers are stored without their computed `serverState`. */
export type StoredServer =
  | Omit<BackendHTTPServer, 'serverState'>
  | Omit<BackendTCPServer, 'serverState'>
  | BackendUDPServer;
export type AnyRoute = Omit<RouteHttp, 'rules'> | Omit<RouteTcp, 'rules'>;
export interface StoredRule extends RouteRule {
  routeId: number;
}

/** How a server answers health checks over time (see health.ts). */
export type HealthProfile = 'up' | 'down' | 'flapping';

export interface StoredTask {
  id: number;
  action: TaskActionEnum;
  zones: string[];
  /** ISO-8601 */
  creationDate: string;
  /** time from creation to done; status and progress are computed from the clock */
  durationMs: number;
  /** terminal state for seeded tasks; null while the clock decides */
  finalStatus: TaskStatusEnum | null;
  /** effects applied once the task is done */
  applied: boolean;
  /** refreshIplb: pending changes per zone when the task was created, cleared when done */
  pendingAtStart?: Record<string, number>;
  /** orderFreeCertificate: names of the certificate delivered when done */
  fqdn?: string[];
}

export interface ServiceState {
  ip: Ip;
  iamId: string;
  /** zone name → state */
  zones: Record<string, string>;
  natIp: NatIps[];
  failover: string[];
  quota: Record<string, Quota>;
  frontends: { http: FrontendHttp[]; tcp: FrontendTcp[]; udp: FrontendUdp[] };
  farms: { http: BackendHttp[]; tcp: BackendTcp[]; udp: BackendUdp[] };
  servers: {
    http: Omit<BackendHTTPServer, 'serverState'>[];
    tcp: Omit<BackendTCPServer, 'serverState'>[];
    udp: BackendUDPServer[];
  };
  routes: { http: Omit<RouteHttp, 'rules'>[]; tcp: Omit<RouteTcp, 'rules'>[] };
  rules: { http: StoredRule[]; tcp: StoredRule[] };
  ssl: Ssl[];
  tasks: StoredTask[];
  /** zone → number of configuration changes waiting for a refresh */
  pendingChanges: Record<string, number>;
  /** `${protocol}:${serverId}` → health behaviour; absent = up */
  health: Record<string, HealthProfile>;
  /**
   * `${protocol}:${serverId}` → when (ms) the server was last created or changed; absent = deployed
   * long ago (seeded). Until a refresh of its zone created after that finishes, the load balancer does
   * not run the server: it has no health results (see health.ts). Optional: states stored before it.
   */
  serverChanges?: Record<string, number>;
}

export interface SandboxState {
  version: 1;
  seed: SeedName;
  /** next id per object kind; ids are unique across services, as at OVHcloud */
  nextIds: { frontend: number; farm: number; server: number; route: number; rule: number; ssl: number; task: number };
  services: Record<string, ServiceState>;
}

export const STATE_VERSION = 1;

export function takeId(state: SandboxState, kind: keyof SandboxState['nextIds']): number {
  const id = state.nextIds[kind];
  state.nextIds[kind] = id + 1;
  return id;
}

export function serviceZones(service: ServiceState): string[] {
  return Object.keys(service.zones);
}

/** Count one configuration change in `zone` (`all` counts in every zone of the service). */
export function addPendingChange(service: ServiceState, zone: string): void {
  const zones = zone === 'all' ? serviceZones(service) : [zone];
  for (const name of zones) {
    if (name in service.zones) service.pendingChanges[name] = (service.pendingChanges[name] ?? 0) + 1;
  }
}

export function emptyService(ip: Ip, iamId: string): ServiceState {
  const zones = Object.fromEntries(ip.zone.map((zone) => [zone, 'ok']));
  return {
    ip,
    iamId,
    zones,
    natIp: [],
    failover: [],
    quota: {},
    frontends: { http: [], tcp: [], udp: [] },
    farms: { http: [], tcp: [], udp: [] },
    servers: { http: [], tcp: [], udp: [] },
    routes: { http: [], tcp: [] },
    rules: { http: [], tcp: [] },
    ssl: [],
    tasks: [],
    pendingChanges: Object.fromEntries(ip.zone.map((zone) => [zone, 0])),
    health: {},
  };
}
