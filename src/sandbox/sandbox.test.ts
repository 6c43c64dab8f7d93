// @vitest-environment node
import { createSandbox, type SandboxState, type SandboxStorage } from './sandbox';
import { callSandbox, fakeClock } from './testing/call';
import { demoSandbox, GRA, MULTI } from './testing/demo';

describe('sandbox basics', () => {
  it('lists the demo services and answers the service object (IpWithIAM)', async () => {
    const { call } = demoSandbox();
    const list = await call('GET', '/ipLoadbalancing');
    expect(list.body).toEqual(['loadbalancer-demo-gra', 'loadbalancer-demo-multi']);
    const service = await call<Record<string, unknown>>('GET', MULTI);
    expect(service.status).toBe(200);
    expect(service.body).toMatchObject({ serviceName: 'loadbalancer-demo-multi', zone: ['rbx', 'sbg'], state: 'ok' });
    expect(service.body.iam).toMatchObject({ urn: 'urn:v1:eu:resource:ipLoadbalancing:loadbalancer-demo-multi' });
  });

  it('puts an X-Ovh-QueryID on every answer, errors included', async () => {
    const { call } = demoSandbox();
    for (const response of [await call('GET', '/ipLoadbalancing'), await call('GET', '/nothing/here'), await call('DELETE', `${GRA}/http/farm/1`)]) {
      expect(response.headers.get('X-Ovh-QueryID')).toMatch(/^SBX\.ws-1\.[0-9a-f]+\.[0-9a-f]{4}$/);
    }
  });

  it('answers 404 for unknown routes and objects', async () => {
    const { call } = demoSandbox();
    const route = await call('GET', `${GRA}/http/nope`);
    expect(route.status).toBe(404);
    expect(route.body).toEqual({ class: 'Client::NotFound', message: 'Got an invalid (or empty) URL' });
    const farm = await call('GET', `${GRA}/http/farm/42`);
    expect(farm.status).toBe(404);
    expect(farm.body).toEqual({ class: 'Client::NotFound', message: 'The requested object (farmId = 42) does not exist' });
    const service = await call('GET', '/ipLoadbalancing/loadbalancer-unknown/http/farm');
    expect(service.body).toEqual({ class: 'Client::NotFound', message: 'The requested object (serviceName = loadbalancer-unknown) does not exist' });
    const badId = await call('GET', `${GRA}/http/farm/abc`);
    expect(badId.status).toBe(400);
    expect(badId.body).toEqual({ class: 'Client::BadRequest', message: '[farmId] Given data (abc) is not valid for type long' });
  });

  it('serves /auth/time from the clock, in seconds', async () => {
    const clock = fakeClock(Date.parse('2025-01-01T00:00:10Z'));
    const sandbox = createSandbox({ clock });
    const response = await callSandbox(sandbox, 'GET', '/auth/time');
    expect(response.body).toBe(Date.parse('2025-01-01T00:00:10Z') / 1000);
  });

  it('refuses invalid JSON bodies', async () => {
    const { call } = demoSandbox();
    const response = await call('POST', `${GRA}/http/farm`, { body: '{"zone":' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ class: 'Client::BadRequest', message: 'Invalid JSON received' });
  });

  it('serves the look-up routes', async () => {
    const { call } = demoSandbox();
    expect((await call('GET', `${MULTI}/zone`)).body).toEqual(['rbx', 'sbg']);
    expect((await call('GET', `${MULTI}/zone/sbg`)).body).toEqual({ name: 'sbg', state: 'ok' });
    expect((await call('GET', `${MULTI}/zone/gra`)).status).toBe(404);
    expect((await call('GET', `${GRA}/availableFarmType`)).body).toEqual(['http', 'tcp', 'udp']);
    expect((await call('GET', `${GRA}/availableFrontendType`)).body).toEqual(['http', 'tcp', 'udp']);
    expect((await call<unknown[]>('GET', `${GRA}/availableFarmProbes`)).body).toContainEqual(expect.objectContaining({ type: 'http', url: true }));
    expect((await call<unknown[]>('GET', `${GRA}/availableRouteActions`)).body).toContainEqual(expect.objectContaining({ type: 'http', name: 'redirect' }));
    expect((await call<unknown[]>('GET', `${GRA}/availableRouteRules`)).body).toContainEqual(expect.objectContaining({ type: 'http', name: 'host' }));
    expect((await call('GET', `${GRA}/definedFarms`)).body).toEqual([
      { id: 2001, type: 'http' }, { id: 2002, type: 'http' }, { id: 2003, type: 'http' },
      { id: 2004, type: 'tcp' }, { id: 2005, type: 'tcp' }, { id: 2006, type: 'udp' },
    ]);
    expect((await call<unknown[]>('GET', `${GRA}/definedFrontends`)).body).toHaveLength(5);
    expect((await call<unknown[]>('GET', `${GRA}/definedRoutes`)).body).toContainEqual({ routeId: 7001, type: 'http', displayName: 'API to api farm' });
    expect((await call('GET', `${MULTI}/natIp`)).body).toEqual([{ zone: 'rbx', ip: ['10.108.0.0/27'] }, { zone: 'sbg', ip: ['10.108.4.0/27'] }]);
    expect((await call('GET', `${GRA}/failover`)).body).toEqual(['198.51.100.20/32']);
    expect((await call('GET', `${MULTI}/quota`)).body).toEqual(['rbx', 'sbg']);
    expect((await call('GET', `${MULTI}/quota/rbx`)).body).toMatchObject({ zone: 'rbx', included: 1024 ** 4 });
    const status = await call<{ servers: { total: number; status: { error: number } } }>('GET', `${GRA}/status`);
    expect(status.body.servers.total).toBe(15);
    expect(status.body.servers.status.error).toBeGreaterThanOrEqual(1);
  });

  it('updates the service displayName with a PUT of the GET object, refusing read-only changes', async () => {
    const { call } = demoSandbox();
    const service = await call<Record<string, unknown>>('GET', GRA);
    expect((await call('PUT', GRA, { body: { ...service.body, displayName: 'Renamed' } })).status).toBe(200);
    expect((await call<Record<string, unknown>>('GET', GRA)).body.displayName).toBe('Renamed');
    const longName = await call('PUT', GRA, { body: { displayName: 'x'.repeat(51) } });
    expect(longName.body).toEqual({ class: 'Client::BadRequest', message: 'Display name must be at most 50 characters (got 51)' });
    const readOnly = await call('PUT', GRA, { body: { ...service.body, offer: 'iplb-lb2' } });
    expect(readOnly.status).toBe(400);
    expect(readOnly.body).toMatchObject({ message: '[offer] Property is read-only and cannot be changed (current value: iplb-lb1)' });
  });

  it('leaves unsimulated operations with a clear 501', async () => {
    const { call } = demoSandbox();
    const response = await call('POST', `${GRA}/terminate`);
    expect(response.status).toBe(501);
    expect(response.body).toEqual({ class: 'Server::NotImplemented', message: 'The sandbox does not simulate POST /ipLoadbalancing/{serviceName}/terminate' });
  });
});

describe('lists, pagination and batch', () => {
  it('filters lists with the query parameters of the API description', async () => {
    const { call } = demoSandbox();
    expect((await call('GET', `${GRA}/http/frontend?defaultFarmId=2001`)).body).toEqual([1001]);
    expect((await call('GET', `${GRA}/http/frontend?defaultSslId=301`)).body).toEqual([1001]);
    expect((await call('GET', `${GRA}/tcp/frontend?port=25,587`)).body).toEqual([1004]);
    expect((await call('GET', `${MULTI}/http/frontend?zone=all`)).body).toEqual([1006]);
    expect((await call('GET', `${MULTI}/http/farm?zone=sbg`)).body).toEqual([2008]);
    expect((await call('GET', `${GRA}/http/farm/2001/server?status=inactive`)).body).toEqual([5005]);
    expect((await call('GET', `${GRA}/http/farm/2001/server?address=10.0.1.12`)).body).toEqual([5002]);
    expect((await call('GET', `${GRA}/http/farm/2001/server?cookie=web03`)).body).toEqual([5003]);
    expect((await call('GET', `${GRA}/http/route?frontendId=1001`)).body).toEqual([7001, 7002, 7003]);
    const badFilter = await call('GET', `${GRA}/http/farm/2001/server?status=broken`);
    expect(badFilter.status).toBe(400);
    expect(badFilter.body).toMatchObject({ message: expect.stringContaining('does not belong to the BackendCustomerServerStatusEnum enumeration') });
  });

  it('returns full objects page by page in CachedObjectList-Pages mode', async () => {
    const { call } = demoSandbox();
    const headers = { 'X-Pagination-Mode': 'CachedObjectList-Pages', 'X-Pagination-Size': '2', 'X-Pagination-Number': '2' };
    const page = await call<Array<{ serverId: number; serverState: unknown[] }>>('GET', `${GRA}/http/farm/2001/server`, { headers });
    expect(page.body.map((server) => server.serverId)).toEqual([5003, 5004]);
    expect(page.body[0]!.serverState).toHaveLength(2);
    expect(page.headers.get('X-Pagination-Elements')).toBe('5');
    expect(page.headers.get('X-Pagination-Size')).toBe('2');
    expect(page.headers.get('X-Pagination-Number')).toBe('2');
    const services = await call<Array<{ serviceName: string }>>('GET', '/ipLoadbalancing', { headers: { 'X-Pagination-Mode': 'CachedObjectList-Pages' } });
    expect(services.body.map((service) => service.serviceName)).toEqual(['loadbalancer-demo-gra', 'loadbalancer-demo-multi']);
    const filtered = await call<unknown[]>('GET', `${GRA}/task?action=refreshIplb`, { headers: { 'X-Pagination-Mode': 'CachedObjectList-Pages' } });
    expect(filtered.body).toEqual([expect.objectContaining({ action: 'refreshIplb', status: 'done' })]);
    const bad = await call('GET', `${GRA}/http/farm`, { headers: { 'X-Pagination-Mode': 'CachedObjectList-Pages', 'X-Pagination-Size': '0' } });
    expect(bad.status).toBe(400);
  });

  it('answers batch GETs with one {key, value} or {key, error} per id', async () => {
    const { call } = demoSandbox();
    const response = await call<Array<{ key: string; value?: { farmId: number }; error?: string }>>('GET', `${GRA}/http/farm/2001,2002,42`, {
      headers: { 'X-Ovh-Batch': ',' },
    });
    expect(response.status).toBe(200);
    expect(response.body.map((item) => item.key)).toEqual(['2001', '2002', '42']);
    expect(response.body[0]!.value!.farmId).toBe(2001);
    expect(response.body[1]!.value!.farmId).toBe(2002);
    expect(response.body[2]).toEqual({ key: '42', error: 'The requested object (farmId = 42) does not exist' });
  });
});

describe('persistence, reset and seeds', () => {
  function memoryStorage() {
    let saved: string | null = null;
    const storage: SandboxStorage & { saves: number } = {
      saves: 0,
      load: () => (saved ? (JSON.parse(saved) as SandboxState) : null),
      save(state) {
        storage.saves++;
        saved = JSON.stringify(state);
      },
    };
    return storage;
  }

  it('saves after every write and starts from the saved state', async () => {
    const storage = memoryStorage();
    const first = createSandbox({ clock: fakeClock(), storage });
    const created = await callSandbox<{ farmId: number }>(first, 'POST', `${GRA}/http/farm`, { body: { zone: 'gra', displayName: 'kept' } });
    expect(storage.saves).toBe(1);
    await callSandbox(first, 'GET', `${GRA}/http/farm`);
    expect(storage.saves).toBe(1);
    await callSandbox(first, 'POST', `${GRA}/http/farm`, { body: { zone: 'nowhere' } });
    const second = createSandbox({ clock: fakeClock(), storage });
    const farm = await callSandbox(second, 'GET', `${GRA}/http/farm/${created.body.farmId}`);
    expect(farm.body).toMatchObject({ displayName: 'kept' });
  });

  it('ignores a saved state of another seed', async () => {
    const storage = memoryStorage();
    createSandbox({ clock: fakeClock(), storage, seed: 'empty' }).reset('empty');
    const sandbox = createSandbox({ clock: fakeClock(), storage, seed: 'demo' });
    expect(Object.keys(sandbox.state.services)).toEqual(['loadbalancer-demo-gra', 'loadbalancer-demo-multi']);
  });

  it('resets to a seed', async () => {
    const { sandbox, call } = demoSandbox();
    await call('DELETE', `${GRA}/http/route/7003`);
    sandbox.reset();
    expect((await call('GET', `${GRA}/http/route/7003`)).status).toBe(200);
    sandbox.reset('empty');
    expect((await call('GET', '/ipLoadbalancing')).body).toEqual(['loadbalancer-empty-gra']);
    expect(sandbox.state.seed).toBe('empty');
  });

  it('keeps the state JSON-serialisable', () => {
    const { sandbox } = demoSandbox();
    expect(JSON.parse(JSON.stringify(sandbox.state))).toEqual(sandbox.state);
  });

  it('builds seeds of the documented sizes, deterministically', () => {
    const count = (state: SandboxState, kind: 'farms' | 'servers' | 'frontends') =>
      Object.values(state.services).reduce((total, service) => total + service[kind].http.length + service[kind].tcp.length + service[kind].udp.length, 0);
    const clock = fakeClock();
    const demo = createSandbox({ clock }).state;
    expect(count(demo, 'servers')).toBe(22);
    expect(count(demo, 'farms')).toBe(10);
    expect(Object.values(demo.services).reduce((total, service) => total + service.ssl.length, 0)).toBe(4);
    expect(createSandbox({ clock }).state).toEqual(demo);
    const empty = createSandbox({ clock, seed: 'empty' }).state;
    expect(Object.keys(empty.services)).toEqual(['loadbalancer-empty-gra']);
    expect(count(empty, 'farms') + count(empty, 'servers') + count(empty, 'frontends')).toBe(0);
    const started = performance.now();
    const large = createSandbox({ clock, seed: 'large' }).state;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(Object.keys(large.services)).toEqual(['loadbalancer-large-multi']);
    expect(count(large, 'farms')).toBeGreaterThanOrEqual(200);
    expect(count(large, 'servers')).toBeGreaterThanOrEqual(5000);
  });

  it('pages through the large seed quickly', async () => {
    const sandbox = createSandbox({ clock: fakeClock(), seed: 'large' });
    const ids = await callSandbox<number[]>(sandbox, 'GET', '/ipLoadbalancing/loadbalancer-large-multi/http/farm');
    const farmId = ids.body[0]!;
    const page = await callSandbox<unknown[]>(sandbox, 'GET', `/ipLoadbalancing/loadbalancer-large-multi/http/farm/${farmId}/server`, {
      headers: { 'X-Pagination-Mode': 'CachedObjectList-Pages', 'X-Pagination-Size': '10' },
    });
    expect(page.body).toHaveLength(10);
    expect(page.headers.get('X-Pagination-Elements')).toBe('25');
  });
});
