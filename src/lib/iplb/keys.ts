/**
 * Query keys of every /ipLoadbalancing resource, from generic to specific, so that a write can
 * invalidate by prefix: `iplbKeys.service(name)` covers everything of one load balancer.
 */
export const iplbKeys = {
  all: () => ['iplb'] as const,
  service: (serviceName: string) => [...iplbKeys.all(), serviceName] as const,
  resource: (serviceName: string, resource: string) => [...iplbKeys.service(serviceName), resource] as const,
  pendingChanges: (serviceName: string) => iplbKeys.resource(serviceName, 'pendingChanges'),
};
