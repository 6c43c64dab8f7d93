import type { IpWithIAM, Status, StatusComponent } from '@/api/generated';
import { validateDisplayName } from '@/lib/validation/fields';
import { serviceOf, SERVICE_PATH, type HandlerContext, type HandlerTable } from '../context';
import { availableFarmProbes, availableFarmTypes, availableFrontendTypes, availableRouteActions, availableRouteRules } from '../catalog';
import { check, objectNotFound } from '../errors';
import { serverView } from '../lookup';
import { protocols, serviceZones, type AnyFarm, type AnyFrontend, type AnyRoute, type ServiceState, type StoredServer } from '../state';
import { mergePutBody } from '../validate';

export function ipView(name: string, service: ServiceState): IpWithIAM {
  return {
    ...service.ip,
    zone: serviceZones(service),
    iam: {
      id: service.iamId,
      urn: `urn:v1:eu:resource:ipLoadbalancing:${name}`,
      displayName: service.ip.displayName,
      tags: null,
    },
  };
}

function component(ok: number, warn: number, error: number, unknown = 0): StatusComponent {
  return { total: ok + warn + error + unknown, status: { ok, warn, error, unknown } };
}

function statusOf(ctx: HandlerContext): Status {
  const service = serviceOf(ctx);
  let serversOk = 0;
  let serversWarn = 0;
  let serversError = 0;
  let farmsOk = 0;
  let farmsWarn = 0;
  let farmsError = 0;
  for (const protocol of protocols) {
    for (const farm of service.farms[protocol] as AnyFarm[]) {
      const servers = (service.servers[protocol] as StoredServer[]).filter((server) => server.backendId === farm.farmId);
      let up = 0;
      let down = 0;
      for (const server of servers) {
        const view = serverView(service, protocol, server, ctx.now) as { serverState?: { status: string | null }[] };
        const state = view.serverState?.[0]?.status ?? (server.status === 'active' ? 'no check' : 'MAINT');
        if (state === 'DOWN') {
          serversError++;
          down++;
        } else if (state === 'MAINT') {
          serversWarn++;
        } else {
          serversOk++;
          up++;
        }
      }
      if (servers.length === 0 || (up === 0 && down > 0)) farmsError++;
      else if (down > 0) farmsWarn++;
      else farmsOk++;
    }
  }
  const frontends = protocols.flatMap((protocol) => service.frontends[protocol] as AnyFrontend[]);
  const disabled = frontends.filter((frontend) => frontend.disabled).length;
  const overall = serversError > 0 || farmsError > 0 ? 'warn' : 'ok';
  return {
    frontends: component(frontends.length - disabled, disabled, 0),
    farms: component(farmsOk, farmsWarn, farmsError),
    servers: component(serversOk, serversWarn, serversError),
    service: { status: service.ip.state === 'ok' ? overall : 'error' },
  };
}

export function serviceHandlers(): HandlerTable {
  return {
    'GET /ipLoadbalancing': (ctx) => Object.keys(ctx.state.services).sort(),
    [`GET ${SERVICE_PATH}`]: (ctx) => ipView(String(ctx.params.serviceName), serviceOf(ctx)),
    [`PUT ${SERVICE_PATH}`]: (ctx) => {
      const service = serviceOf(ctx);
      const name = String(ctx.params.serviceName);
      const next = mergePutBody(ctx.spec, ctx.rawBody, ipView(name, service));
      check(validateDisplayName(next.displayName));
      service.ip = { ...service.ip, displayName: next.displayName, sslConfiguration: next.sslConfiguration };
      return null;
    },
    [`GET ${SERVICE_PATH}/serviceInfos`]: (ctx) => {
      serviceOf(ctx);
      const name = String(ctx.params.serviceName);
      const created = new Date(ctx.now - 400 * 24 * 3600 * 1000).toISOString().slice(0, 10);
      const expires = new Date(ctx.now + 60 * 24 * 3600 * 1000).toISOString().slice(0, 10);
      return {
        canDeleteAtExpiration: true,
        contactAdmin: 'sb12345-ovh',
        contactBilling: 'sb12345-ovh',
        contactTech: 'sb12345-ovh',
        creation: created,
        domain: name,
        engagedUpTo: null,
        expiration: expires,
        possibleRenewPeriod: [1, 3, 6, 12],
        renew: { automatic: true, deleteAtExpiration: false, forced: false, manualPayment: false, period: 1 },
        renewalType: 'automaticV2016',
        serviceId: 10_000_000 + name.length,
        status: 'ok',
      };
    },
    [`GET ${SERVICE_PATH}/pendingChanges`]: (ctx) => {
      const service = serviceOf(ctx);
      return serviceZones(service).map((zone) => ({ zone, number: service.pendingChanges[zone] ?? 0 }));
    },
    [`GET ${SERVICE_PATH}/zone`]: (ctx) => serviceZones(serviceOf(ctx)),
    [`GET ${SERVICE_PATH}/zone/{name}`]: (ctx) => {
      const service = serviceOf(ctx);
      const name = String(ctx.params.name);
      const state = service.zones[name];
      if (state === undefined) throw objectNotFound('name', name);
      return { name, state };
    },
    [`GET ${SERVICE_PATH}/status`]: statusOf,
    [`GET ${SERVICE_PATH}/availableFarmProbes`]: (ctx) => (serviceOf(ctx), structuredClone(availableFarmProbes)),
    [`GET ${SERVICE_PATH}/availableFarmType`]: (ctx) => (serviceOf(ctx), [...availableFarmTypes]),
    [`GET ${SERVICE_PATH}/availableFrontendType`]: (ctx) => (serviceOf(ctx), [...availableFrontendTypes]),
    [`GET ${SERVICE_PATH}/availableRouteActions`]: (ctx) => (serviceOf(ctx), structuredClone(availableRouteActions)),
    [`GET ${SERVICE_PATH}/availableRouteRules`]: (ctx) => (serviceOf(ctx), structuredClone(availableRouteRules)),
    [`GET ${SERVICE_PATH}/definedFarms`]: (ctx) => {
      const service = serviceOf(ctx);
      const vrack = ctx.query.vrackNetworkId;
      return protocols.flatMap((type) =>
        (service.farms[type] as AnyFarm[])
          .filter((farm) => vrack === undefined || farm.vrackNetworkId === vrack)
          .map((farm) => ({ id: farm.farmId, type })),
      );
    },
    [`GET ${SERVICE_PATH}/definedFrontends`]: (ctx) => {
      const service = serviceOf(ctx);
      return protocols.flatMap((type) => (service.frontends[type] as AnyFrontend[]).map((frontend) => ({ id: frontend.frontendId, type })));
    },
    [`GET ${SERVICE_PATH}/definedRoutes`]: (ctx) => {
      const service = serviceOf(ctx);
      return (['http', 'tcp'] as const).flatMap((type) =>
        (service.routes[type] as AnyRoute[]).map((route) => ({ routeId: route.routeId, type, displayName: route.displayName })),
      );
    },
    [`GET ${SERVICE_PATH}/natIp`]: (ctx) => structuredClone(serviceOf(ctx).natIp),
    [`GET ${SERVICE_PATH}/failover`]: (ctx) => [...serviceOf(ctx).failover],
    [`GET ${SERVICE_PATH}/quota`]: (ctx) => Object.keys(serviceOf(ctx).quota),
    [`GET ${SERVICE_PATH}/quota/{zone}`]: (ctx) => {
      const quota = serviceOf(ctx).quota[String(ctx.params.zone)];
      if (!quota) throw objectNotFound('zone', String(ctx.params.zone));
      return { ...quota };
    },
    [`PUT ${SERVICE_PATH}/quota/{zone}`]: (ctx) => {
      const service = serviceOf(ctx);
      const zone = String(ctx.params.zone);
      const quota = service.quota[zone];
      if (!quota) throw objectNotFound('zone', zone);
      const next = mergePutBody(ctx.spec, ctx.rawBody, quota);
      if (next.alert !== null && next.alert < 0) check('Quota alert must be a positive number of bytes');
      service.quota[zone] = next;
      return null;
    },
  };
}
