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

  it('switches a server to MAINT when set inactive, back when active', async () => {
    const { call } = demoSandbox();
    await call('PUT', `${GRA}/http/farm/2001/server/5001`, { body: { status: 'inactive' } });
    expect((await call<Server>('GET', `${GRA}/http/farm/2001/server/5001`)).body.serverState[0]!.status).toBe('MAINT');
    await call('PUT', `${GRA}/http/farm/2001/server/5001`, { body: { status: 'active', probe: false } });
    expect((await call<Server>('GET', `${GRA}/http/farm/2001/server/5001`)).body.serverState[0]!.status).toBe('no check');
  });
});
