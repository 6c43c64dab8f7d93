// @vitest-environment node
import { resolveOperation } from './operations.ts';

describe('resolveOperation', () => {
  it('fills and encodes path parameters', () => {
    expect(
      resolveOperation('GET /ipLoadbalancing/{serviceName}/http/farm/{farmId}', { serviceName: 'lb/1 x', farmId: 42 }),
    ).toEqual({ method: 'GET', path: '/ipLoadbalancing/lb%2F1%20x/http/farm/42' });
    expect(resolveOperation('GET /ipLoadbalancing')).toEqual({ method: 'GET', path: '/ipLoadbalancing' });
  });

  it('refuses a missing parameter', () => {
    expect(() => resolveOperation('GET /ipLoadbalancing/{serviceName}', {})).toThrow(/serviceName/);
  });
});
