// @vitest-environment node
import { demoSandbox, GRA, MULTI } from './testing/demo';

const bad = (message: string) => ({ class: 'Client::BadRequest', message });

describe('routes and rules', () => {
  it('serves a route with its embedded rules', async () => {
    const { call } = demoSandbox();
    const route = await call('GET', `${GRA}/http/route/7001`);
    expect(route.body).toEqual({
      routeId: 7001, displayName: 'API to api farm', frontendId: 1001, weight: 10, status: 'ok',
      action: { type: 'farm', target: '2002', status: null },
      rules: [
        { ruleId: 9001, field: 'host', match: 'is', negate: false, pattern: 'shop.example.com', subField: null },
        { ruleId: 9002, field: 'uri', match: 'startswith', negate: false, pattern: '/api/', subField: null },
      ],
    });
    expect((await call('GET', `${GRA}/http/route/7001/rule`)).body).toEqual([9001, 9002]);
    expect((await call('GET', `${GRA}/http/route/7001/rule/9001`)).body).toEqual({
      ruleId: 9001, displayName: 'shop host', field: 'host', match: 'is', negate: false, pattern: 'shop.example.com', subField: null,
    });
  });

  it('creates routes with valid actions and refuses invalid ones', async () => {
    const { call } = demoSandbox();
    const post = (body: object) => call('POST', `${GRA}/http/route`, { body: { frontendId: 1001, ...body } });
    const created = await post({ action: { type: 'redirect', target: 'https://${host}${path}', status: 301 }, weight: 255 });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ routeId: 7006, status: 'ok', rules: [], weight: 255 });
    expect((await post({ action: { type: 'farm', target: '2001' } })).status).toBe(200);
    expect((await post({ action: { type: 'farm', target: '2001' }, weight: 256 })).body).toEqual(bad('Route weight must be between 0 and 255 (got 256)'));
    expect((await post({ action: { type: 'farm', target: '2004' } })).body).toEqual(bad('Route action "farm" needs the id of a http farm as target (got "2004")'));
    expect((await post({ action: { type: 'teleport' } })).body).toEqual(bad('Route action "teleport" is not available for http routes: use one of farm, redirect, reject'));
    expect((await post({ action: { type: 'redirect', target: 'https://x.example', status: 200 } })).body).toEqual(
      bad('Status 200 is not allowed for "redirect": use one of 301, 302, 303, 307, 308'),
    );
    expect((await post({ action: { type: 'reject', status: 403 }, frontendId: 1003 })).body).toEqual(bad('Frontend 1003 is not a http frontend of this load balancer'));
    expect((await post({ action: { type: 'reject', status: 403, extra: 1 } })).body).toEqual(bad('[action.extra] Unknown property for type RouteHttpAction'));
    expect((await call('POST', `${MULTI}/tcp/route`, { body: { action: { type: 'farm', target: '2009' } } })).status).toBe(200);
    expect((await call('POST', `${MULTI}/tcp/route`, { body: { action: { type: 'reject', status: 403 } } })).body).toEqual(
      bad('[action.status] Unknown property for type RouteTcpAction'),
    );
    expect((await call('POST', `${MULTI}/tcp/route`, { body: {} })).body).toEqual(bad('Missing parameter(s): action'));
  });

  it('creates rules consistent with availableRouteRules', async () => {
    const { call } = demoSandbox();
    const post = (body: object) => call('POST', `${GRA}/http/route/7003/rule`, { body });
    const created = await post({ field: 'header', subField: 'X-Debug', match: 'exists' });
    expect(created.body).toEqual({ ruleId: 9008, displayName: null, field: 'header', subField: 'X-Debug', match: 'exists', negate: false, pattern: null });
    expect((await post({ field: 'method', match: 'in', pattern: 'GET,HEAD' })).status).toBe(200);
    expect((await post({ field: 'source', match: 'in', pattern: '10.0.0.0/8, 192.0.2.0/24' })).status).toBe(200);
    expect((await post({ field: 'colour', match: 'is', pattern: 'red' })).body).toEqual(
      bad('Rule field "colour" is not available for http routes: use one of cookie, header, host, method, protocol, query-param, source, uri'),
    );
    expect((await post({ field: 'method', match: 'contains', pattern: 'G' })).body).toEqual(bad('Match "contains" is not available for field "method": use one of is, in'));
    expect((await post({ field: 'method', match: 'is', pattern: 'BREW' })).body).toEqual(
      bad('Pattern "BREW" is not allowed for field "method": use one of CONNECT, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT, TRACE'),
    );
    expect((await post({ field: 'header', match: 'is', pattern: 'x' })).body).toEqual(bad('Field "header" needs a subField (header or cookie name)'));
    expect((await post({ field: 'host', match: 'is' })).body).toEqual(bad('A pattern is required for match "is"'));
    expect((await post({ field: 'source', match: 'is', pattern: '10.0.0.1/8' })).body).toEqual(bad('Pattern "10.0.0.1/8" is not the start of its block: did you mean 10.0.0.0/8?'));
    expect((await post({ field: 'host', match: 'whatever', pattern: 'x' })).status).toBe(400);
    expect((await call('PUT', `${GRA}/http/route/7003/rule/9005`, { body: { match: 'matches', pattern: '^/static/(' } })).body).toEqual(
      bad('Pattern "^/static/(" is not a valid regular expression'),
    );
    expect((await call('GET', `${GRA}/http/route/7001/rule/9005`)).status).toBe(404);
  });

  it('deletes a route with its rules', async () => {
    const { call } = demoSandbox();
    expect((await call('DELETE', `${GRA}/http/route/7001`)).body).toBeNull();
    expect((await call('GET', `${GRA}/http/route`)).body).toEqual([7002, 7003]);
    expect((await call('GET', `${GRA}/http/route/7001/rule`)).status).toBe(404);
    expect((await call('DELETE', `${GRA}/http/farm/2002`)).status).toBe(200);
  });
});
