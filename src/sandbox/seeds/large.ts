import type { Protocol, SandboxState } from '../state';
import { SeedBuilder } from './builder';

export const largeSeedServiceName = 'loadbalancer-large-multi';

/** One service with 210 farms and 5,250 servers over three zones, for lists and pagination. */
export function buildLargeSeed(now: number): SandboxState {
  const seed = new SeedBuilder('large', now);
  const zones = ['gra', 'rbx', 'sbg'];
  const service = seed.service(largeSeedServiceName, { zones, displayName: 'Large catalogue (benchmark)', ipv4: '203.0.113.80' });
  const plan: Array<[Protocol, number]> = [['http', 120], ['tcp', 60], ['udp', 30]];
  let farmIndex = 0;
  for (const [protocol, farms] of plan) {
    for (let index = 0; index < farms; index++, farmIndex++) {
      const zone = zones[farmIndex % zones.length]!;
      const port = protocol === 'http' ? 8080 : protocol === 'tcp' ? 5000 + (index % 100) : 5300 + (index % 100);
      const farm = seed.farm(service, protocol, {
        zone,
        displayName: `${protocol}-pool-${String(index + 1).padStart(3, '0')}`,
        port,
        probe: protocol === 'http' ? { type: 'http', method: 'GET', url: '/health', match: 'status', pattern: '200', interval: 30 } : protocol === 'tcp' ? { type: 'tcp', interval: 60 } : null,
      });
      for (let s = 0; s < 25; s++) {
        const health = s === 7 && index % 5 === 0 ? 'down' : s === 11 && index % 9 === 0 ? 'flapping' : 'up';
        seed.server(
          service,
          protocol,
          farm,
          {
            address: `10.${16 + (farmIndex >> 7)}.${farmIndex & 127}.${10 + s}`,
            displayName: `${protocol}-${index + 1}-node-${s + 1}`,
            status: s === 24 && index % 4 === 0 ? 'inactive' : 'active',
          },
          health,
        );
      }
      if (index % 4 === 0) {
        seed.frontend(service, protocol, {
          zone,
          port: protocol === 'http' ? String(10000 + index) : String(20000 + farmIndex),
          displayName: `${protocol}-entry-${index + 1}`,
          defaultFarmId: farm.farmId,
        });
      }
    }
  }
  for (const zone of zones) seed.doneTask(service, { action: 'refreshIplb', zones: [zone], daysAgo: 1 });
  return seed.state;
}
