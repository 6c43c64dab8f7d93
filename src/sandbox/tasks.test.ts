// @vitest-environment node
import { demoSandbox, GRA, MULTI } from './testing/demo';

type Pending = Array<{ zone: string; number: number }>;
type TaskBody = { id: number; status: string; progress: number; doneDate: string | null; zones: string[]; action: string };

describe('pending changes', () => {
  it('counts every write in its zone, and zone `all` in every zone', async () => {
    const { call } = demoSandbox();
    expect((await call('GET', `${MULTI}/pendingChanges`)).body).toEqual([{ zone: 'rbx', number: 2 }, { zone: 'sbg', number: 1 }]);
    const farm = await call<{ farmId: number }>('POST', `${MULTI}/http/farm`, { body: { zone: 'sbg', port: 80 } }); // sbg +1
    await call('PUT', `${MULTI}/http/farm/${farm.body.farmId}`, { body: { displayName: 'x' } }); // sbg +1
    const server = await call<{ serverId: number }>('POST', `${MULTI}/http/farm/${farm.body.farmId}/server`, { body: { address: '172.16.20.99', status: 'active' } }); // sbg +1
    await call('DELETE', `${MULTI}/http/farm/${farm.body.farmId}/server/${server.body.serverId}`); // sbg +1
    await call('POST', `${MULTI}/http/frontend`, { body: { zone: 'all', port: '8080' } }); // both +1
    await call('POST', `${MULTI}/http/route/7004/rule`, { body: { field: 'host', match: 'is', pattern: 'a.example.org' } }); // route on an `all` frontend: both +1
    await call('POST', `${MULTI}/tcp/frontend`, { body: { zone: 'rbx', port: 'bad' } }); // refused: no change
    expect((await call<Pending>('GET', `${MULTI}/pendingChanges`)).body).toEqual([{ zone: 'rbx', number: 4 }, { zone: 'sbg', number: 7 }]);
  });

  it('does not count reads or certificate changes', async () => {
    const { call } = demoSandbox();
    await call('GET', `${GRA}/http/farm/2001`);
    await call('PUT', `${GRA}/ssl/301`, { body: { displayName: 'renamed' } });
    expect((await call('GET', `${GRA}/pendingChanges`)).body).toEqual([{ zone: 'gra', number: 0 }]);
  });
});

describe('refresh task lifecycle', () => {
  it('goes todo → doing (progress rising) → done on the clock, then clears the pending changes', async () => {
    const { call, clock } = demoSandbox({ refreshDurationMs: 10_000 });
    const created = await call<TaskBody>('POST', `${MULTI}/refresh`, { body: { zone: 'rbx' } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ action: 'refreshIplb', status: 'todo', progress: 0, zones: ['rbx'], doneDate: null });
    const id = created.body.id;
    const task = async () => (await call<TaskBody>('GET', `${MULTI}/task/${id}`)).body;
    clock.advance(3000);
    const early = await task();
    expect(early.status).toBe('doing');
    clock.advance(4000);
    const later = await task();
    expect(later.status).toBe('doing');
    expect(later.progress).toBeGreaterThan(early.progress);
    expect((await call('GET', `${MULTI}/pendingChanges`)).body).toEqual([{ zone: 'rbx', number: 2 }, { zone: 'sbg', number: 1 }]);
    clock.advance(3000);
    const done = await task();
    expect(done).toMatchObject({ status: 'done', progress: 100, doneDate: new Date(Date.parse('2025-03-10T09:00:00Z') + 10_000).toISOString() });
    expect((await call('GET', `${MULTI}/pendingChanges`)).body).toEqual([{ zone: 'rbx', number: 0 }, { zone: 'sbg', number: 1 }]);
  });

  it('keeps changes made during the refresh pending', async () => {
    const { call, clock } = demoSandbox();
    await call('POST', `${GRA}/refresh`);
    await call('PUT', `${GRA}/http/farm/2001`, { body: { displayName: 'during' } });
    clock.advance(6000);
    expect((await call('GET', `${GRA}/pendingChanges`)).body).toEqual([{ zone: 'gra', number: 1 }]);
  });

  it('refuses a second refresh of a zone while one is running, and accepts it afterwards', async () => {
    const { call, clock } = demoSandbox();
    const first = await call<TaskBody>('POST', `${MULTI}/refresh`);
    expect(first.body.zones).toEqual(['rbx', 'sbg']);
    const second = await call('POST', `${MULTI}/refresh`, { body: { zone: 'sbg' } });
    expect(second.status).toBe(409);
    expect(second.body).toEqual({
      class: 'Client::Conflict',
      message: `A configuration refresh is already in progress for zone sbg (task ${first.body.id}): wait for it to finish`,
    });
    expect((await call('POST', `${GRA}/refresh`)).status).toBe(200); // another service is independent
    clock.advance(6000);
    expect((await call('POST', `${MULTI}/refresh`, { body: { zone: 'sbg' } })).status).toBe(200);
  });

  it('creates a task even with nothing pending, and refuses an unknown zone', async () => {
    const { call } = demoSandbox();
    expect((await call<TaskBody>('POST', `${GRA}/refresh`)).body).toMatchObject({ status: 'todo', zones: ['gra'] });
    expect((await call('POST', `${GRA}/refresh`, { body: { zone: 'bhs' } }).then((r) => r.body))).toEqual({
      class: 'Client::BadRequest',
      message: 'Zone "bhs" is not a zone of this load balancer: use one of gra',
    });
  });
});

describe('task list', () => {
  it('filters by action, status and dates', async () => {
    const { call, clock } = demoSandbox();
    expect((await call('GET', `${GRA}/task`)).body).toEqual([60001, 60002, 60003]);
    const refresh = await call<TaskBody>('POST', `${GRA}/refresh`);
    expect((await call('GET', `${GRA}/task?status=todo`)).body).toEqual([refresh.body.id]);
    expect((await call('GET', `${GRA}/task?action=orderFreeCertificate`)).body).toEqual([60002]);
    expect((await call('GET', `${GRA}/task?creationDate.from=2025-03-09T00:00:00Z`)).body).toEqual([refresh.body.id]);
    expect((await call('GET', `${GRA}/task?creationDate.to=2025-01-01T00:00:00Z`)).body).toEqual([60001, 60002]);
    expect((await call('GET', `${GRA}/task?doneDate.from=2025-03-01T00:00:00Z`)).body).toEqual([60003]);
    clock.advance(7000);
    expect((await call('GET', `${GRA}/task?doneDate.from=2025-03-10T00:00:00Z&status=done`)).body).toEqual([refresh.body.id]);
    expect((await call('GET', `${GRA}/task?status=sleeping`)).status).toBe(400);
    expect((await call('GET', `${GRA}/task?creationDate.from=yesterday`)).body).toEqual({
      class: 'Client::BadRequest',
      message: '[creationDate.from] Given data (yesterday) is not valid for type datetime',
    });
    expect((await call('GET', `${GRA}/task/1`)).body).toEqual({ class: 'Client::NotFound', message: 'The requested object (id = 1) does not exist' });
  });
});

describe('free certificate', () => {
  it('orders a certificate that appears as `built` once the task is done', async () => {
    const { call, clock } = demoSandbox();
    const task = await call<TaskBody>('POST', `${GRA}/freeCertificate`, { body: { fqdn: ['new.example.com', 'www.new.example.com'] } });
    expect(task.body).toMatchObject({ action: 'orderFreeCertificate', status: 'todo' });
    expect((await call<number[]>('GET', `${GRA}/ssl`)).body).toEqual([301, 302, 303]);
    clock.advance(12_000);
    expect((await call<TaskBody>('GET', `${GRA}/task/${task.body.id}`)).body.status).toBe('done');
    const ids = (await call<number[]>('GET', `${GRA}/ssl?type=built`)).body;
    expect(ids).toEqual([302, 305]);
    expect((await call('GET', `${GRA}/ssl/305`)).body).toMatchObject({
      type: 'built', subject: 'CN=new.example.com', san: ['new.example.com', 'www.new.example.com'],
      expireDate: new Date(Date.parse('2025-03-10T09:00:12Z') + 90 * 86400_000).toISOString(),
    });
  });

  it('refuses invalid domain names', async () => {
    const { call } = demoSandbox();
    expect((await call('POST', `${GRA}/freeCertificate`, { body: { fqdn: ['not a domain'] } })).body).toEqual({
      class: 'Client::BadRequest',
      message: '"not a domain" is not a valid domain name such as www.example.com',
    });
    expect((await call('POST', `${GRA}/freeCertificate`, { body: { fqdn: [] } })).status).toBe(400);
    expect((await call('POST', `${GRA}/freeCertificate`, { body: {} })).body).toEqual({ class: 'Client::BadRequest', message: 'Missing parameter(s): fqdn' });
  });
});
