// @vitest-environment node
import { FLAP_PERIOD_MS } from './health';
import { demoSandbox, GRA } from './testing/demo';

type Server = { status: string; serverState: Array<{ status: string | null; checkStatus: string | null; instanceId: number }> };

describe('server health', () => {
  it('shows most servers up, one down, inactive ones in MAINT and unprobed ones unchecked', async () => {
    const { call } = demoSandbox();
    const state = async (farm: number, server: number) => (await call<Server>('GET', `${GRA}/http/farm/${farm}/server/${server}`)).body.serverState;
    expect(await state(2001, 5001)).toEqual([
      expect.objectContaining({ instanceId: 101, status: 'UP', checkStatus: 'L7OK', checkCode: '200' }),
      expect.objectContaining({ instanceId: 102, status: 'UP' }),
    ]);
    expect((await state(2001, 5003))[0]).toMatchObject({ status: 'DOWN', checkStatus: 'L4CON', lastCheckContent: 'Connection refused' });
    expect((await state(2001, 5005))[0]).toMatchObject({ status: 'MAINT', checkTime: null });
    expect((await state(2003, 5009))[0]).toMatchObject({ status: 'no check', checkStatus: null });
    expect((await call<Server>('GET', `${GRA}/tcp/farm/2004/server/5011`)).body.serverState[0]).toMatchObject({ status: 'UP', checkStatus: 'L4OK' });
    expect((await call<object>('GET', `${GRA}/udp/farm/2006/server/5014`)).body).not.toHaveProperty('serverState');
  });

  it('flaps one server between UP and DOWN every 20 s, driven by the clock', async () => {
    const { call, clock } = demoSandbox();
    clock.set(Math.ceil(clock.now() / (2 * FLAP_PERIOD_MS)) * 2 * FLAP_PERIOD_MS + 1000);
    const status = async () => (await call<Server>('GET', `${GRA}/http/farm/2001/server/5004`)).body.serverState[0]!.status;
    const seen = [await status()];
    for (let step = 0; step < 3; step++) {
      clock.advance(FLAP_PERIOD_MS);
      seen.push(await status());
    }
    expect(seen).toEqual(['UP', 'DOWN', 'UP', 'DOWN']);
    clock.advance(5000);
    expect(await status()).toBe('DOWN');
  });

  /** Apply the configuration of gra and wait until the refresh is done. */
  const applyGra = async ({ call, clock }: ReturnType<typeof demoSandbox>) => {
    expect((await call('POST', `${GRA}/refresh`, { body: {} })).status).toBe(200);
    clock.advance(10 * 60_000);
  };

  it('switches a server to MAINT when set inactive, back when active, once applied', async () => {
    const sandbox = demoSandbox();
    const { call } = sandbox;
    await call('PUT', `${GRA}/http/farm/2001/server/5001`, { body: { status: 'inactive' } });
    await applyGra(sandbox);
    expect((await call<Server>('GET', `${GRA}/http/farm/2001/server/5001`)).body.serverState[0]!.status).toBe('MAINT');
    await call('PUT', `${GRA}/http/farm/2001/server/5001`, { body: { status: 'active', probe: false } });
    await applyGra(sandbox);
    expect((await call<Server>('GET', `${GRA}/http/farm/2001/server/5001`)).body.serverState[0]!.status).toBe('no check');
  });

  it('has no results for a server created or changed since the last finished refresh of its zone', async () => {
    const sandbox = demoSandbox();
    const { call, clock } = sandbox;
    // a copy of the seeded web-01 (up): new, so never checked, whatever the original's health
    const created = await call<Server & { serverId: number }>('POST', `${GRA}/http/farm/2001/server`, {
      body: { address: '10.0.1.21', status: 'active', probe: true, cookie: 'web21' },
    });
    expect(created.body.serverState).toEqual([]);
    const get = async (id: number) => (await call<Server>('GET', `${GRA}/http/farm/2001/server/${id}`)).body.serverState;
    expect(await get(created.body.serverId)).toEqual([]);

    // a refresh still running does not count; a change made during it waits for the next one
    expect((await call('POST', `${GRA}/refresh`, { body: {} })).status).toBe(200);
    expect(await get(created.body.serverId)).toEqual([]);
    clock.advance(1000);
    await call('PUT', `${GRA}/http/farm/2001/server/5002`, { body: { weight: 3 } });
    clock.advance(10 * 60_000);
    expect(await get(created.body.serverId)).toEqual([
      expect.objectContaining({ instanceId: 101, status: 'UP' }),
      expect.objectContaining({ instanceId: 102, status: 'UP' }),
    ]);
    expect(await get(5002)).toEqual([]);
    // the seeded servers keep their demo behaviour (never changed through the API)
    expect((await get(5003))[0]).toMatchObject({ status: 'DOWN' });
    expect((await get(5001))[0]).toMatchObject({ status: 'UP' });

    await applyGra(sandbox);
    expect((await get(5002))[0]).toMatchObject({ status: 'UP' });
    // a PUT that changes nothing keeps the results; a deleted server leaves no trace
    const same = await call<Server>('GET', `${GRA}/http/farm/2001/server/5002`);
    await call('PUT', `${GRA}/http/farm/2001/server/5002`, { body: same.body });
    expect((await get(5002))[0]).toMatchObject({ status: 'UP' });
    await call('DELETE', `${GRA}/http/farm/2001/server/${created.body.serverId}`);
    expect(sandbox.sandbox.state.services['loadbalancer-demo-gra']!.serverChanges).not.toHaveProperty(`http:${created.body.serverId}`);
  });
});
