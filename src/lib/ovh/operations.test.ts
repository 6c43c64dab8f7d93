// @vitest-environment node
import { createOvhClient } from './client.ts';
import { resolveOperation, type OperationParams, type OperationResponse } from './operations.ts';

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

describe('operation types (checked by tsc)', () => {
  it('requires path params and bodies where the operation has them', () => {
    const api = createOvhClient({ kind: 'sandbox', label: 'Sandbox', requestBase: '/x', signatureBase: '/x' });
    const typeChecks = () => {
      void api.call('GET /ipLoadbalancing');
      void api.call('GET /ipLoadbalancing/{serviceName}/http/farm', { path: { serviceName: 'lb' }, query: { zone: 'gra' } });
      // @ts-expect-error the path parameter is required
      void api.call('GET /ipLoadbalancing/{serviceName}');
      // @ts-expect-error unknown query parameter
      void api.call('GET /ipLoadbalancing/{serviceName}/http/farm', { path: { serviceName: 'lb' }, query: { nope: 1 } });
      // @ts-expect-error a GET has no body
      void api.call('GET /ipLoadbalancing/{serviceName}', { path: { serviceName: 'lb' }, body: {} });
    };
    expect(typeof typeChecks).toBe('function');
    expectTypeOf<OperationResponse<'GET /ipLoadbalancing'>>().toEqualTypeOf<string[]>();
    expectTypeOf<OperationParams<'GET /ipLoadbalancing/{serviceName}'>['path']>().toEqualTypeOf<{ serviceName: string }>();
  });
});
