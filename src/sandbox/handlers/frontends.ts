import { idParam, serviceOf, SERVICE_PATH, type HandlerContext, type HandlerTable } from '../context';
import { findFrontend, refuseIfUsed, removeById, describeList, sortById } from '../lookup';
import { models, withDefaults } from '../model-defaults';
import { checkFrontend } from '../rules';
import { addPendingChange, protocols, takeId, type AnyFrontend, type AnyRoute, type Protocol } from '../state';
import { mergePutBody } from '../validate';

function matchesFilters(frontend: AnyFrontend, query: Record<string, unknown>): boolean {
  return Object.entries(query).every(([key, value]) => (frontend as unknown as Record<string, unknown>)[key] === value);
}

export function frontendHandlers(): HandlerTable {
  const table: HandlerTable = {};
  for (const protocol of protocols) {
    const base = `${SERVICE_PATH}/${protocol}/frontend`;
    const list = (ctx: HandlerContext) => (serviceOf(ctx).frontends[protocol] as AnyFrontend[]);
    table[`GET ${base}`] = (ctx) => sortById(list(ctx).filter((item) => matchesFilters(item, ctx.query)), 'frontendId');
    table[`POST ${base}`] = (ctx) => createFrontend(ctx, protocol);
    table[`GET ${base}/{frontendId}`] = (ctx) => ({ ...findFrontend(serviceOf(ctx), protocol, idParam(ctx, 'frontendId')) });
    table[`PUT ${base}/{frontendId}`] = (ctx) => updateFrontend(ctx, protocol);
    table[`DELETE ${base}/{frontendId}`] = (ctx) => deleteFrontend(ctx, protocol);
  }
  return table;
}

function createFrontend(ctx: HandlerContext, protocol: Protocol): AnyFrontend {
  const service = serviceOf(ctx);
  const frontend = withDefaults<AnyFrontend>(models.frontend[protocol], { ...ctx.body, frontendId: 0 });
  checkFrontend(service, protocol, frontend);
  frontend.frontendId = takeId(ctx.state, 'frontend');
  (service.frontends[protocol] as AnyFrontend[]).push(frontend);
  addPendingChange(service, frontend.zone);
  return { ...frontend };
}

function updateFrontend(ctx: HandlerContext, protocol: Protocol): null {
  const service = serviceOf(ctx);
  const current = findFrontend(service, protocol, idParam(ctx, 'frontendId'));
  const next = mergePutBody(ctx.spec, ctx.rawBody, current);
  checkFrontend(service, protocol, next);
  const list = service.frontends[protocol] as AnyFrontend[];
  list[list.indexOf(current)] = next;
  addPendingChange(service, current.zone);
  if (next.zone !== current.zone) addPendingChange(service, next.zone);
  return null;
}

function deleteFrontend(ctx: HandlerContext, protocol: Protocol): null {
  const service = serviceOf(ctx);
  const frontend = findFrontend(service, protocol, idParam(ctx, 'frontendId'));
  if (protocol !== 'udp') {
    const routes = (service.routes[protocol] as AnyRoute[]).filter((route) => route.frontendId === frontend.frontendId);
    refuseIfUsed(`Frontend ${frontend.frontendId}`, routes.length ? [describeList('route', routes.map((route) => route.routeId))] : []);
  }
  removeById(service.frontends[protocol] as AnyFrontend[], (item) => item === frontend);
  addPendingChange(service, frontend.zone);
  return null;
}
