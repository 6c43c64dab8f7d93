import { idParam, serviceOf, SERVICE_PATH, type HandlerContext, type HandlerTable } from '../context';
import { describeList, findFarm, refuseIfUsed, removeById, sortById } from '../lookup';
import { models, withDefaults } from '../model-defaults';
import { checkFarm } from '../rules';
import { addPendingChange, protocols, takeId, type AnyFarm, type AnyFrontend, type AnyRoute, type Protocol, type StoredServer } from '../state';
import { mergePutBody } from '../validate';

export function farmHandlers(): HandlerTable {
  const table: HandlerTable = {};
  for (const protocol of protocols) {
    const base = `${SERVICE_PATH}/${protocol}/farm`;
    table[`GET ${base}`] = (ctx) =>
      sortById(
        (serviceOf(ctx).farms[protocol] as AnyFarm[]).filter((farm) =>
          Object.entries(ctx.query).every(([key, value]) => (farm as unknown as Record<string, unknown>)[key] === value),
        ),
        'farmId',
      );
    table[`POST ${base}`] = (ctx) => createFarm(ctx, protocol);
    table[`GET ${base}/{farmId}`] = (ctx) => ({ ...findFarm(serviceOf(ctx), protocol, idParam(ctx, 'farmId')) });
    table[`PUT ${base}/{farmId}`] = (ctx) => updateFarm(ctx, protocol);
    table[`DELETE ${base}/{farmId}`] = (ctx) => deleteFarm(ctx, protocol);
  }
  return table;
}

function createFarm(ctx: HandlerContext, protocol: Protocol): AnyFarm {
  const service = serviceOf(ctx);
  const farm = withDefaults<AnyFarm>(models.farm[protocol], { ...ctx.body, farmId: 0 });
  checkFarm(service, protocol, farm);
  farm.farmId = takeId(ctx.state, 'farm');
  (service.farms[protocol] as AnyFarm[]).push(farm);
  addPendingChange(service, farm.zone);
  return { ...farm };
}

function updateFarm(ctx: HandlerContext, protocol: Protocol): null {
  const service = serviceOf(ctx);
  const current = findFarm(service, protocol, idParam(ctx, 'farmId'));
  const next = mergePutBody(ctx.spec, ctx.rawBody, current);
  checkFarm(service, protocol, next);
  const list = service.farms[protocol] as AnyFarm[];
  list[list.indexOf(current)] = next;
  addPendingChange(service, next.zone);
  return null;
}

function deleteFarm(ctx: HandlerContext, protocol: Protocol): null {
  const service = serviceOf(ctx);
  const farm = findFarm(service, protocol, idParam(ctx, 'farmId'));
  const frontends = (service.frontends[protocol] as AnyFrontend[])
    .filter((frontend) => frontend.defaultFarmId === farm.farmId)
    .map((frontend) => frontend.frontendId);
  const routes =
    protocol === 'udp'
      ? []
      : (service.routes[protocol] as AnyRoute[])
          .filter((route) => route.action.type === 'farm' && route.action.target === String(farm.farmId))
          .map((route) => route.routeId);
  const users = [
    ...(frontends.length ? [`${describeList('frontend', frontends)} (default farm)`] : []),
    ...(routes.length ? [`${describeList('route', routes)} (action target)`] : []),
  ];
  refuseIfUsed(`Farm ${farm.farmId}`, users);
  removeById(service.farms[protocol] as AnyFarm[], (item) => item === farm);
  // its servers go with it
  const servers = service.servers[protocol] as StoredServer[];
  for (let index = servers.length - 1; index >= 0; index--) {
    const server = servers[index]!;
    if (server.backendId === farm.farmId) {
      servers.splice(index, 1);
      delete service.health[`${protocol}:${server.serverId}`];
    }
  }
  addPendingChange(service, farm.zone);
  return null;
}
