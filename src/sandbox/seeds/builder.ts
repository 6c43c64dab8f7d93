import type { BackendProbe, Ip, Ssl } from '@/api/generated';
import { models, withDefaults } from '../model-defaults';
import {
  emptyService,
  STATE_VERSION,
  type AnyFarm,
  type AnyFrontend,
  type HealthProfile,
  type Protocol,
  type RouteProtocol,
  type SandboxState,
  type SeedName,
  type ServiceState,
  type StoredServer,
  type StoredTask,
} from '../state';

const DAY = 24 * 3600 * 1000;

/** Small helpers to write seeds tersely; ids are taken from the state's counters. */
export class SeedBuilder {
  readonly state: SandboxState;
  readonly now: number;

  constructor(seed: SeedName, now: number) {
    this.now = now;
    this.state = {
      version: STATE_VERSION,
      seed,
      nextIds: { frontend: 1001, farm: 2001, server: 5001, route: 7001, rule: 9001, ssl: 301, task: 60001 },
      services: {},
    };
  }

  private take(kind: keyof SandboxState['nextIds']): number {
    const id = this.state.nextIds[kind];
    this.state.nextIds[kind] = id + 1;
    return id;
  }

  service(name: string, options: { zones: string[]; displayName: string; ipv4: string; offer?: string }): ServiceState {
    const ip: Ip = {
      serviceName: name,
      displayName: options.displayName,
      ipLoadbalancing: options.ipv4,
      ipv4: options.ipv4,
      ipv6: null,
      metricsToken: null,
      offer: options.offer ?? 'iplb-lb1',
      orderableZone: ['gra', 'rbx', 'sbg', 'bhs', 'waw', 'fra', 'lim', 'eri']
        .filter((zone) => !options.zones.includes(zone))
        .map((zone) => ({ name: zone, planCode: `iplb-zone-lb1-${zone}` })),
      sslConfiguration: null,
      state: 'ok',
      vrackEligibility: true,
      vrackName: null,
      zone: options.zones,
    };
    let hash = 0;
    for (const char of name) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
    const hex = hash.toString(16).padStart(8, '0');
    const service = emptyService(ip, `${hex}-${hex.slice(0, 4)}-4${hex.slice(1, 4)}-8${hex.slice(4, 7)}-${hex}${hex.slice(0, 4)}`);
    options.zones.forEach((zone, index) => {
      service.natIp.push({ zone, ip: [`10.108.${index * 4}.0/27`] });
      service.quota[zone] = {
        zone,
        alert: 500 * 1024 ** 3,
        included: 1024 ** 4,
        total: (120 + index * 37) * 1024 ** 3,
        lastUpdateDate: new Date(this.now - 3600 * 1000).toISOString(),
        resetDate: new Date(this.now - 12 * DAY).toISOString(),
      };
    });
    service.failover = [];
    this.state.services[name] = service;
    return service;
  }

  farm(service: ServiceState, protocol: Protocol, values: { zone: string; displayName: string; port?: number | null; probe?: Partial<BackendProbe> | null; balance?: string; stickiness?: string }): AnyFarm {
    const probe = values.probe ? withDefaults<BackendProbe>('ipLoadbalancing.BackendProbe', values.probe) : null;
    const farm = withDefaults<AnyFarm>(models.farm[protocol], {
      ...values,
      ...(protocol === 'udp' ? {} : { probe }),
      farmId: this.take('farm'),
    });
    if (protocol === 'udp') delete (farm as { probe?: unknown }).probe;
    (service.farms[protocol] as AnyFarm[]).push(farm);
    return farm;
  }

  server(
    service: ServiceState,
    protocol: Protocol,
    farm: AnyFarm,
    values: { address: string; displayName: string; port?: number | null; probe?: boolean; status?: 'active' | 'inactive'; weight?: number; cookie?: string; backup?: boolean },
    health: HealthProfile = 'up',
  ): StoredServer {
    const base = protocol === 'udp' ? {} : { weight: 1, probe: true };
    const server = withDefaults<StoredServer & { serverState?: unknown }>(models.server[protocol], {
      ...base,
      status: 'active',
      ...values,
      backendId: farm.farmId,
      serverId: this.take('server'),
    });
    delete server.serverState;
    if (protocol === 'udp') {
      for (const key of ['probe', 'weight', 'cookie', 'backup'] as const) delete (server as Record<string, unknown>)[key];
    }
    (service.servers[protocol] as StoredServer[]).push(server);
    if (health !== 'up') service.health[`${protocol}:${server.serverId}`] = health;
    return server;
  }

  frontend(service: ServiceState, protocol: Protocol, values: Record<string, unknown> & { zone: string; port: string; displayName: string }): AnyFrontend {
    const frontend = withDefaults<AnyFrontend>(models.frontend[protocol], { ...values, frontendId: this.take('frontend') });
    (service.frontends[protocol] as AnyFrontend[]).push(frontend);
    return frontend;
  }

  ssl(service: ServiceState, values: { commonName: string; san?: string[]; expiresInDays: number; type?: Ssl['type']; displayName?: string | null; issuedDaysAgo?: number }): Ssl {
    const id = this.take('ssl');
    const hex = (text: string, length: number) => {
      let out = '';
      let seed = 2166136261;
      while (out.length < length) {
        for (const char of text + out.length) seed = Math.imul(seed ^ char.charCodeAt(0), 16777619) >>> 0;
        out += seed.toString(16).padStart(8, '0');
      }
      return out.slice(0, length);
    };
    const certificate: Ssl = {
      id,
      displayName: values.displayName ?? null,
      type: values.type ?? 'custom',
      subject: `CN=${values.commonName}`,
      san: values.san ?? [values.commonName],
      serial: hex(`serial-${id}`, 32),
      fingerprint: hex(`fp-${id}-${values.commonName}`, 64),
      expireDate: new Date(this.now + values.expiresInDays * DAY).toISOString(),
    };
    service.ssl.push(certificate);
    return certificate;
  }

  route(service: ServiceState, protocol: RouteProtocol, values: { displayName: string; frontendId: number | null; weight: number; action: { type: string; target?: string | null; status?: number | null } }, rules: Array<{ field: string; match: string; pattern?: string | null; subField?: string | null; negate?: boolean; displayName?: string | null }>) {
    const routeId = this.take('route');
    const action = protocol === 'http'
      ? { target: values.action.target ?? null, status: values.action.status ?? null, type: values.action.type }
      : { target: values.action.target ?? null, type: values.action.type };
    service.routes[protocol].push({ routeId, displayName: values.displayName, frontendId: values.frontendId, weight: values.weight, status: 'ok', action } as never);
    for (const rule of rules) {
      service.rules[protocol].push({
        routeId,
        ruleId: this.take('rule'),
        displayName: rule.displayName ?? null,
        field: rule.field,
        match: rule.match as never,
        negate: rule.negate ?? false,
        pattern: rule.pattern ?? null,
        subField: rule.subField ?? null,
      });
    }
  }

  doneTask(service: ServiceState, values: Pick<StoredTask, 'action' | 'zones'> & { daysAgo: number; durationMs?: number }): void {
    service.tasks.push({
      id: this.take('task'),
      action: values.action,
      zones: values.zones,
      creationDate: new Date(this.now - values.daysAgo * DAY).toISOString(),
      durationMs: values.durationMs ?? 45_000,
      finalStatus: 'done',
      applied: true,
    });
  }
}
