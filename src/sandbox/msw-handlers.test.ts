// @vitest-environment node
import { setupServer } from 'msw/node';
import { sandboxHandlers } from './msw-handlers';
import { createSandbox } from './sandbox';
import { fakeClock } from './testing/call';

const sandbox = createSandbox({ clock: fakeClock() });
const server = setupServer(...sandboxHandlers(sandbox));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('sandboxHandlers', () => {
  it('serves the sandbox on any origin under the base path', async () => {
    const response = await fetch('http://localhost:5173/sandbox/1.0/ipLoadbalancing/loadbalancer-demo-gra/http/farm?zone=gra');
    expect(response.status).toBe(200);
    expect(response.headers.get('X-Ovh-QueryID')).toMatch(/^SBX\./);
    expect(await response.json()).toEqual([2001, 2002, 2003]);
    const other = await fetch('https://console.example.com/sandbox/1.0/auth/time');
    expect(typeof (await other.json())).toBe('number');
  });

  it('passes writes through and resets with POST __sandbox/reset', async () => {
    const created = await fetch('http://localhost/sandbox/1.0/ipLoadbalancing/loadbalancer-demo-gra/http/farm', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ zone: 'gra', displayName: 'via msw' }),
    });
    expect(created.status).toBe(200);
    const reset = await fetch('http://localhost/sandbox/1.0/__sandbox/reset', { method: 'POST', body: JSON.stringify({ seed: 'empty' }) });
    expect(await reset.json()).toEqual({ seed: 'empty' });
    expect(await (await fetch('http://localhost/sandbox/1.0/ipLoadbalancing')).json()).toEqual(['loadbalancer-empty-gra']);
    const refused = await fetch('http://localhost/sandbox/1.0/__sandbox/reset', { method: 'POST', body: JSON.stringify({ seed: 'huge' }) });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ class: 'Client::BadRequest', message: 'Unknown seed "huge": use one of demo, empty, large' });
    await fetch('http://localhost/sandbox/1.0/__sandbox/reset', { method: 'POST' });
    expect(sandbox.state.seed).toBe('empty');
  });
});
