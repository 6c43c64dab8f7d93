import type { BackendProbe, RouteHttpAction } from '@/api/generated';
import { validateDisplayName, validateRouteWeight, validateServerWeight } from '@/lib/validation/fields';
import { validateIpv4BlockList, validateServerAddress, validateSourceLists } from '@/lib/validation/ip';
import { validatePort, validatePortSpec } from '@/lib/validation/port-spec';
import { validateProbe } from '@/lib/validation/probe';
import { availableFarmProbes, availableRouteActions, availableRouteRules } from './catalog';
import { badRequest, check } from './errors';
import type { AnyFarm, AnyFrontend, AnyRoute, Protocol, RouteProtocol, ServiceState, StoredRule, StoredServer } from './state';
import { serviceZones } from './state';

/** Domain rules of the simulated API, applied to a complete object (after create defaults or PUT merge). */

function checkZone(service: ServiceState, zone: string, allowAll: boolean): void {
  const zones = serviceZones(service);
  if (zone === 'all' && allowAll) return;
  if (!zones.includes(zone)) {
    const choices = allowAll ? [...zones, 'all'] : zones;
    throw badRequest(`Zone "${zone}" is not a zone of this load balancer: use one of ${choices.join(', ')}`);
  }
}

export function checkFrontend(service: ServiceState, protocol: Protocol, frontend: AnyFrontend): void {
  check(validatePortSpec(frontend.port));
  checkZone(service, frontend.zone, true);
  check(validateDisplayName(frontend.displayName));
  check(validateIpv4BlockList(frontend.dedicatedIpfo, 'dedicatedIpfo'));
  if ('allowedSource' in frontend) check(validateSourceLists(frontend.allowedSource, frontend.deniedSource));
  if (frontend.defaultFarmId !== null) {
    const farmId = frontend.defaultFarmId;
    const farm = (service.farms[protocol] as AnyFarm[]).find((item) => item.farmId === farmId);
    if (!farm) {
      const other = (['http', 'tcp', 'udp'] as const).find(
        (candidate) => candidate !== protocol && (service.farms[candidate] as AnyFarm[]).some((item) => item.farmId === farmId),
      );
      throw badRequest(
        other
          ? `Farm ${farmId} is a ${other} farm: a ${protocol} frontend needs a ${protocol} farm`
          : `Default farm ${farmId} does not exist`,
      );
    }
    if (frontend.zone !== 'all' && farm.zone !== frontend.zone) {
      throw badRequest(`Farm ${farmId} is in zone ${farm.zone}, not in the frontend's zone ${frontend.zone}`);
    }
  }
  if ('defaultSslId' in frontend && frontend.defaultSslId !== null) {
    const sslId = frontend.defaultSslId;
    if (!service.ssl.some((item) => item.id === sslId)) throw badRequest(`Certificate ${sslId} (defaultSslId) does not exist`);
  }
  if ('redirectLocation' in frontend && frontend.redirectLocation) {
    if (!/^https?:\/\/[^\s]+$/.test(frontend.redirectLocation)) {
      throw badRequest('redirectLocation must be an http:// or https:// URL');
    }
  }
}

export function checkFarm(service: ServiceState, protocol: Protocol, farm: AnyFarm): void {
  checkZone(service, farm.zone, false);
  check(validateDisplayName(farm.displayName));
  if (farm.port !== null) check(validatePort(farm.port, 'Farm port'));
  if (farm.vrackNetworkId !== null) {
    throw badRequest(`vRack network ${farm.vrackNetworkId} does not exist: this load balancer is not attached to a vRack`);
  }
  if (protocol !== 'udp' && 'probe' in farm) check(validateProbe(farm.probe as BackendProbe | null, availableFarmProbes));
}

export function checkServer(protocol: Protocol, server: StoredServer): void {
  check(validateServerAddress(server.address));
  check(validateDisplayName(server.displayName));
  if (server.port !== null) check(validatePort(server.port, 'Server port'));
  if (protocol === 'udp') return;
  const full = server as Exclude<StoredServer, { backup?: never }> & { weight: number | null; chain: string | null };
  check(validateServerWeight(full.weight));
  if (full.chain !== null && full.chain !== undefined && !full.chain.includes('-----BEGIN CERTIFICATE-----')) {
    throw badRequest('chain must be PEM certificates (-----BEGIN CERTIFICATE-----)');
  }
}

export function checkRoute(service: ServiceState, protocol: RouteProtocol, route: AnyRoute): void {
  check(validateDisplayName(route.displayName));
  check(validateRouteWeight(route.weight));
  if (route.frontendId !== null) {
    const frontendId = route.frontendId;
    if (!(service.frontends[protocol] as AnyFrontend[]).some((item) => item.frontendId === frontendId)) {
      throw badRequest(`Frontend ${frontendId} is not a ${protocol} frontend of this load balancer`);
    }
  }
  const action = route.action as RouteHttpAction;
  const available = availableRouteActions.filter((item) => item.type === protocol);
  const kind = available.find((item) => item.name === action.type);
  if (!kind) {
    throw badRequest(`Route action "${action.type}" is not available for ${protocol} routes: use one of ${available.map((item) => item.name).join(', ')}`);
  }
  const status = 'status' in action ? action.status : null;
  if (kind.destination === 'farm') {
    const farmId = Number(action.target);
    if (!action.target || !/^\d+$/.test(action.target) || !(service.farms[protocol] as AnyFarm[]).some((farm) => farm.farmId === farmId)) {
      throw badRequest(`Route action "farm" needs the id of a ${protocol} farm as target (got ${JSON.stringify(action.target)})`);
    }
  }
  if (kind.destination === 'url' && (!action.target || !/^https?:\/\/\S+$/.test(action.target))) {
    throw badRequest('Route action "redirect" needs an http:// or https:// URL as target');
  }
  if (kind.status) {
    if (status === null || status === undefined) {
      if (kind.name === 'redirect') throw badRequest(`Route action "redirect" needs a status among ${kind.status.join(', ')}`);
    } else if (!kind.status.includes(status)) {
      throw badRequest(`Status ${status} is not allowed for "${kind.name}": use one of ${kind.status.join(', ')}`);
    }
  } else if (status !== null && status !== undefined) {
    throw badRequest(`Route action "${kind.name}" takes no status`);
  }
}

export function checkRule(protocol: RouteProtocol, rule: StoredRule): void {
  check(validateDisplayName(rule.displayName));
  const available = availableRouteRules.filter((item) => item.type === protocol);
  const kind = available.find((item) => item.name === rule.field);
  if (!kind) {
    throw badRequest(`Rule field "${rule.field}" is not available for ${protocol} routes: use one of ${available.map((item) => item.name).join(', ')}`);
  }
  if (!kind.matches.includes(rule.match)) {
    throw badRequest(`Match "${rule.match}" is not available for field "${rule.field}": use one of ${kind.matches.join(', ')}`);
  }
  if (kind.hasSubField && !rule.subField) throw badRequest(`Field "${rule.field}" needs a subField (header or cookie name)`);
  if (!kind.hasSubField && rule.subField) throw badRequest(`Field "${rule.field}" takes no subField`);
  if (rule.match === 'exists') return;
  if (rule.pattern === null || rule.pattern === '') throw badRequest(`A pattern is required for match "${rule.match}"`);
  const values = rule.match === 'in' ? rule.pattern.split(',').map((value) => value.trim()) : [rule.pattern];
  if (kind.pattern === 'enum' && kind.enum) {
    const wrong = values.find((value) => !kind.enum!.includes(value));
    if (wrong !== undefined) throw badRequest(`Pattern "${wrong}" is not allowed for field "${rule.field}": use one of ${kind.enum.join(', ')}`);
  }
  if (kind.pattern === 'cidr') check(validateIpv4BlockList(values, 'Pattern'));
  if (rule.match === 'matches') {
    try {
      new RegExp(rule.pattern);
    } catch {
      throw badRequest(`Pattern "${rule.pattern}" is not a valid regular expression`);
    }
  }
}
