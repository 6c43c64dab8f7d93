import { idParam, serviceOf, SERVICE_PATH, type HandlerContext, type HandlerTable } from '../context';
import { findFarm, findServer, removeById, serverView, sortById } from '../lookup';
import { models, withDefaults } from '../model-defaults';
import { forgetServer, recordServerChange } from '../health';
import { checkServer } from '../rules';
import { addPendingChange, protocols, takeId, type Protocol, type StoredServer } from '../state';
import { mergePutBody } from '../validate';

export function serverHandlers(): HandlerTable {
  const table: HandlerTable = {};
  for (const protocol of protocols) {
    const base = `${SERVICE_PATH}/${protocol}/farm/{farmId}/server`;
    table[`GET ${base}`] = (ctx) => {
      const service = serviceOf(ctx);
      const farm = findFarm(service, protocol, idParam(ctx, 'farmId'));
      const servers = (service.servers[protocol] as StoredServer[]).filter(
        (server) =>
          server.backendId === farm.farmId &&
          Object.entries(ctx.query).every(([key, value]) => (server as unknown as Record<string, unknown>)[key] === value),
      );
      return sortById(servers, 'serverId');
    };
    table[`POST ${base}`] = (ctx) => createServer(ctx, protocol);
    table[`GET ${base}/{serverId}`] = (ctx) => {
      const service = serviceOf(ctx);
      const farm = findFarm(service, protocol, idParam(ctx, 'farmId'));
      return serverView(service, protocol, findServer(service, protocol, farm.farmId, idParam(ctx, 'serverId')), ctx.now);
    };
    table[`PUT ${base}/{serverId}`] = (ctx) => updateServer(ctx, protocol);
    table[`DELETE ${base}/{serverId}`] = (ctx) => deleteServer(ctx, protocol);
  }
  return table;
}

function createServer(ctx: HandlerContext, protocol: Protocol): object {
  const service = serviceOf(ctx);
  const farm = findFarm(service, protocol, idParam(ctx, 'farmId'));
  const defaults = protocol === 'udp' ? {} : { weight: 1 };
  const modelName = models.server[protocol];
  const server = withDefaults<StoredServer & { serverState?: unknown }>(modelName, {
    ...defaults,
    ...ctx.body,
    serverId: 0,
    backendId: farm.farmId,
  });
  delete server.serverState;
  checkServer(protocol, server);
  server.serverId = takeId(ctx.state, 'server');
  (service.servers[protocol] as StoredServer[]).push(server);
  addPendingChange(service, farm.zone);
  recordServerChange(service, protocol, server.serverId, ctx.now);
  return serverView(service, protocol, server, ctx.now);
}

function updateServer(ctx: HandlerContext, protocol: Protocol): null {
  const service = serviceOf(ctx);
  const farm = findFarm(service, protocol, idParam(ctx, 'farmId'));
  const current = findServer(service, protocol, farm.farmId, idParam(ctx, 'serverId'));
  const next = mergePutBody(ctx.spec, ctx.rawBody, serverView(service, protocol, current, ctx.now)) as StoredServer & { serverState?: unknown };
  delete next.serverState;
  checkServer(protocol, next);
  const list = service.servers[protocol] as StoredServer[];
  list[list.indexOf(current)] = next;
  addPendingChange(service, farm.zone);
  // a PUT that changes nothing (the object as GET returned it) leaves the running server as it is
  const sorted = (server: object) => JSON.stringify(Object.entries(server).sort(([a], [b]) => a.localeCompare(b)));
  if (sorted(current) !== sorted(next)) recordServerChange(service, protocol, next.serverId, ctx.now);
  return null;
}

function deleteServer(ctx: HandlerContext, protocol: Protocol): null {
  const service = serviceOf(ctx);
  const farm = findFarm(service, protocol, idParam(ctx, 'farmId'));
  const server = findServer(service, protocol, farm.farmId, idParam(ctx, 'serverId'));
  removeById(service.servers[protocol] as StoredServer[], (item) => item === server);
  forgetServer(service, protocol, server.serverId);
  addPendingChange(service, farm.zone);
  return null;
}
