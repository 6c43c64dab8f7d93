// @vitest-environment node
import { createSandbox } from './sandbox';
import { callSandbox, fakeClock } from './testing/call';

const svc = '/ipLoadbalancing/loadbalancer-demo-gra';

describe('sandbox smoke', () => {
  it('serves the demo seed', async () => {
    const sb = createSandbox({ clock: fakeClock() });
    const list = await callSandbox(sb, 'GET', '/ipLoadbalancing');
    expect(list.body).toEqual(['loadbalancer-demo-gra', 'loadbalancer-demo-multi']);
    expect(list.headers.get('X-Ovh-QueryID')).toMatch(/^SBX\.ws-1\./);
    const farms = await callSandbox<number[]>(sb, 'GET', `${svc}/http/farm`);
    expect(farms.body.length).toBe(3);
    const farm = await callSandbox(sb, 'GET', `${svc}/http/farm/${farms.body[0]}`);
    expect(farm.body).toMatchObject({ zone: 'gra', displayName: 'shop-web' });
    const servers = await callSandbox<number[]>(sb, 'GET', `${svc}/http/farm/${farms.body[0]}/server`);
    const server = await callSandbox(sb, 'GET', `${svc}/http/farm/${farms.body[0]}/server/${servers.body[0]}`);
    expect(server.body).toMatchObject({ status: 'active' });
    const put = await callSandbox(sb, 'PUT', `${svc}/http/farm/${farms.body[0]}/server/${servers.body[0]}`, { body: server.body });
    expect(put.status).toBe(200);
    const created = await callSandbox(sb, 'POST', `${svc}/http/frontend`, { body: { port: '8080', zone: 'gra' } });
    expect(created.status).toBe(200);
    const page = await callSandbox<unknown[]>(sb, 'GET', `${svc}/http/farm`, { headers: { 'X-Pagination-Mode': 'CachedObjectList-Pages', 'X-Pagination-Size': '2' } });
    expect(page.body).toHaveLength(2);
    expect(page.headers.get('X-Pagination-Elements')).toBe('3');
  });
});
