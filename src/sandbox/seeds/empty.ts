import type { SandboxState } from '../state';
import { SeedBuilder } from './builder';

export const emptySeedServiceName = 'loadbalancer-empty-gra';

/** One service in zone gra, nothing configured. */
export function buildEmptySeed(now: number): SandboxState {
  const seed = new SeedBuilder('empty', now);
  seed.service(emptySeedServiceName, { zones: ['gra'], displayName: 'New load balancer', ipv4: '203.0.113.40' });
  return seed.state;
}
