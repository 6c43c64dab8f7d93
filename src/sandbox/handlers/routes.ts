import { idParam, serviceOf, SERVICE_PATH, type HandlerContext, type HandlerTable } from '../context';
import { findRoute, findRule, removeById, routeView, routeZone, sortById } from '../lookup';
import { models, withDefaults } from '../model-defaults';
import { checkRoute, checkRule } from '../rules';
import { addPendingChange, takeId, type AnyRoute, type RouteProtocol, type StoredRule } from '../state';
import { mergePutBody } from '../validate';

export function routeHandlers(): HandlerTable {
  const table: HandlerTable = {};
  for (const protocol of ['http', 'tcp'] as const) {
    const base = `${SERVICE_PATH}/${protocol}/route`;
    table[`GET ${base}`] = (ctx) => {
      const frontendId = ctx.query.frontendId;
      const routes = (serviceOf(ctx).routes[protocol] as AnyRoute[]).filter(
        (route) => frontendId === undefined || route.frontendId === frontendId,
      );
      return sortById(routes, 'routeId');
    };
    table[`POST ${base}`] = (ctx) => createRoute(ctx, protocol);
    table[`GET ${base}/{routeId}`] = (ctx) => {
      const service = serviceOf(ctx);
      return routeView(service, protocol, findRoute(service, protocol, idParam(ctx, 'routeId')));
    };
    table[`PUT ${base}/{routeId}`] = (ctx) => updateRoute(ctx, protocol);
    table[`DELETE ${base}/{routeId}`] = (ctx) => {
      const service = serviceOf(ctx);
      const route = findRoute(service, protocol, idParam(ctx, 'routeId'));
      addPendingChange(service, routeZone(service, protocol, route));
      removeById(service.routes[protocol] as AnyRoute[], (item) => item === route);
      service.rules[protocol] = service.rules[protocol].filter((rule) => rule.routeId !== route.routeId);
      return null;
    };
    table[`GET ${base}/{routeId}/rule`] = (ctx) => {
      const service = serviceOf(ctx);
      const route = findRoute(service, protocol, idParam(ctx, 'routeId'));
      return sortById(service.rules[protocol].filter((rule) => rule.routeId === route.routeId), 'ruleId');
    };
    table[`POST ${base}/{routeId}/rule`] = (ctx) => createRule(ctx, protocol);
    table[`GET ${base}/{routeId}/rule/{ruleId}`] = (ctx) => ruleView(findRuleOf(ctx, protocol));
    table[`PUT ${base}/{routeId}/rule/{ruleId}`] = (ctx) => {
      const service = serviceOf(ctx);
      const current = findRuleOf(ctx, protocol);
      const next: StoredRule = { ...mergePutBody(ctx.spec, ctx.rawBody, ruleView(current)), routeId: current.routeId };
      checkRule(protocol, next);
      const list = service.rules[protocol];
      list[list.indexOf(current)] = next;
      addPendingChange(service, routeZone(service, protocol, findRoute(service, protocol, current.routeId)));
      return null;
    };
    table[`DELETE ${base}/{routeId}/rule/{ruleId}`] = (ctx) => {
      const service = serviceOf(ctx);
      const rule = findRuleOf(ctx, protocol);
      removeById(service.rules[protocol], (item) => item === rule);
      addPendingChange(service, routeZone(service, protocol, findRoute(service, protocol, rule.routeId)));
      return null;
    };
  }
  return table;
}

function ruleView(rule: StoredRule): Omit<StoredRule, 'routeId'> {
  const { routeId: _routeId, ...view } = rule;
  return view;
}

function findRuleOf(ctx: HandlerContext, protocol: RouteProtocol): StoredRule {
  const service = serviceOf(ctx);
  const route = findRoute(service, protocol, idParam(ctx, 'routeId'));
  return findRule(service, protocol, route.routeId, idParam(ctx, 'ruleId'));
}

function createRoute(ctx: HandlerContext, protocol: RouteProtocol): object {
  const service = serviceOf(ctx);
  const action = withDefaults<Record<string, unknown>>(
    protocol === 'http' ? 'ipLoadbalancing.RouteHttpAction' : 'ipLoadbalancing.RouteTcpAction',
    ctx.body.action as Record<string, unknown>,
  );
  const route = withDefaults<AnyRoute & { rules?: unknown }>(models.route[protocol], {
    weight: 0,
    status: 'ok',
    ...ctx.body,
    action,
    routeId: 0,
  });
  delete route.rules;
  checkRoute(service, protocol, route);
  route.routeId = takeId(ctx.state, 'route');
  (service.routes[protocol] as AnyRoute[]).push(route);
  addPendingChange(service, routeZone(service, protocol, route));
  return routeView(service, protocol, route);
}

function updateRoute(ctx: HandlerContext, protocol: RouteProtocol): null {
  const service = serviceOf(ctx);
  const current = findRoute(service, protocol, idParam(ctx, 'routeId'));
  const next = mergePutBody(ctx.spec, ctx.rawBody, routeView(service, protocol, current)) as AnyRoute & { rules?: unknown };
  delete next.rules;
  next.action = withDefaults(
    protocol === 'http' ? 'ipLoadbalancing.RouteHttpAction' : 'ipLoadbalancing.RouteTcpAction',
    next.action as unknown as Record<string, unknown>,
  );
  checkRoute(service, protocol, next);
  const list = service.routes[protocol] as AnyRoute[];
  const before = routeZone(service, protocol, current);
  list[list.indexOf(current)] = next;
  addPendingChange(service, before);
  const after = routeZone(service, protocol, next);
  if (after !== before) addPendingChange(service, after);
  return null;
}

function createRule(ctx: HandlerContext, protocol: RouteProtocol): object {
  const service = serviceOf(ctx);
  const route = findRoute(service, protocol, idParam(ctx, 'routeId'));
  const rule = withDefaults<StoredRule>(models.rule, { negate: false, ...ctx.body, ruleId: 0, routeId: route.routeId });
  checkRule(protocol, rule);
  rule.ruleId = takeId(ctx.state, 'rule');
  service.rules[protocol].push(rule);
  addPendingChange(service, routeZone(service, protocol, route));
  return ruleView(rule);
}
