// @vitest-environment node
import { demoSandbox, GRA, MULTI } from './testing/demo';

const bad = (message: string | RegExp) => ({
  class: 'Client::BadRequest',
  message: typeof message === 'string' ? message : expect.stringMatching(message),
});

describe('generic validation against the API description', () => {
  it('creates with required parameters and answers the new object', async () => {
    const { call } = demoSandbox();
    const created = await call('POST', `${GRA}/tcp/farm`, { body: { zone: 'gra', port: 3306, displayName: 'mysql', probe: { type: 'mysql' } } });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      farmId: 2011, zone: 'gra', port: 3306, displayName: 'mysql', balance: null, stickiness: null, vrackNetworkId: null,
      probe: { type: 'mysql' },
    });
  });

  it('refuses missing required parameters, unknown fields, wrong types and enum values', async () => {
    const { call } = demoSandbox();
    expect((await call('POST', `${GRA}/udp/farm`, { body: { zone: 'gra' } })).body).toEqual(bad('Missing parameter(s): port'));
    expect((await call('POST', `${GRA}/http/farm`, { body: { zone: 'gra', colour: 'blue' } })).body).toEqual(
      bad('Invalid parameter(s): colour (not accepted by POST /ipLoadbalancing/{serviceName}/http/farm)'),
    );
    expect((await call('POST', `${GRA}/http/farm`, { body: { zone: 'gra', port: '80' } })).body).toEqual(bad('[port] Given data (80) is not valid for type long'));
    expect((await call('POST', `${GRA}/http/farm`, { body: { zone: 'gra', port: 80.5 } })).body).toEqual(bad('[port] Given data (80.5) is not valid for type long'));
    expect((await call('POST', `${GRA}/http/farm`, { body: { zone: 'gra', balance: 'random' } })).body).toEqual(
      bad('[balance] Given data (random) does not belong to the BalanceHTTPEnum enumeration (first, leastconn, roundrobin, source, uri)'),
    );
    expect((await call('POST', `${GRA}/tcp/farm`, { body: { zone: 'gra', stickiness: 'cookie' } })).body).toEqual(
      bad('[stickiness] Given data (cookie) does not belong to the StickinessTCPEnum enumeration (sourceIp)'),
    );
    expect((await call('POST', `${GRA}/http/farm`, { body: { zone: 'gra', probe: { type: 'http', colour: 1 } } })).body).toEqual(
      bad('[probe.colour] Unknown property for type BackendProbe'),
    );
    expect((await call('POST', `${GRA}/http/frontend`, { body: { zone: 'gra', port: '80', disabled: 'yes' } })).body).toEqual(
      bad('[disabled] Given data (yes) is not valid for type boolean'),
    );
    expect((await call('POST', `${GRA}/http/frontend`, { body: { zone: 'gra', port: '80', allowedSource: ['10.0.0.300/8'] } })).body).toEqual(
      bad('[allowedSource.0] Given data (10.0.0.300/8) is not valid for type ipBlock'),
    );
    expect((await call('POST', `${GRA}/http/frontend`, { body: { zone: 'gra', port: '80', httpHeader: 'X-A' } })).body).toEqual(
      bad('[httpHeader] Given data (X-A) is not an array of string'),
    );
    expect((await call('POST', `${GRA}/http/farm/2001/server`, { body: { address: 'web-01', status: 'active' } })).body).toEqual(
      bad('[address] Given data (web-01) is not valid for type ipv4'),
    );
  });

  it('accepts a PUT of the object as GET returned it, for every kind', async () => {
    const { call } = demoSandbox();
    for (const path of [
      `${GRA}/http/frontend/1001`, `${GRA}/tcp/frontend/1003`, `${GRA}/udp/frontend/1005`,
      `${GRA}/http/farm/2001`, `${GRA}/tcp/farm/2004`, `${GRA}/udp/farm/2006`,
      `${GRA}/http/farm/2001/server/5001`, `${GRA}/tcp/farm/2004/server/5011`, `${GRA}/udp/farm/2006/server/5014`,
      `${GRA}/http/route/7001`, `${GRA}/http/route/7001/rule/9001`, `${MULTI}/tcp/route/7005`,
      `${GRA}/ssl/301`, `${MULTI}/quota/rbx`, GRA,
    ]) {
      const current = await call('GET', path);
      const put = await call('PUT', path, { body: current.body });
      expect({ path, status: put.status, body: put.body }).toEqual({ path, status: 200, body: null });
      expect((await call('GET', path)).body).toEqual(current.body);
    }
  });

  it('refuses a PUT changing a read-only field', async () => {
    const { call } = demoSandbox();
    const farm = await call<Record<string, unknown>>('GET', `${GRA}/http/farm/2001`);
    expect((await call('PUT', `${GRA}/http/farm/2001`, { body: { ...farm.body, zone: 'rbx' } })).body).toEqual(
      bad('[zone] Property is read-only and cannot be changed (current value: gra)'),
    );
    expect((await call('PUT', `${GRA}/http/farm/2001`, { body: { ...farm.body, farmId: 9 } })).body).toEqual(
      bad('[farmId] Property is read-only and cannot be changed (current value: 2001)'),
    );
    const server = await call<Record<string, unknown>>('GET', `${GRA}/http/farm/2001/server/5001`);
    expect((await call('PUT', `${GRA}/http/farm/2001/server/5001`, { body: { ...server.body, address: '10.0.1.99' } })).body).toEqual(
      bad('[address] Property is read-only and cannot be changed (current value: 10.0.1.11)'),
    );
    const ssl = await call<Record<string, unknown>>('GET', `${GRA}/ssl/301`);
    expect((await call('PUT', `${GRA}/ssl/301`, { body: { ...ssl.body, subject: 'CN=evil' } })).status).toBe(400);
    expect((await call('PUT', `${GRA}/http/farm/2001`, { body: { ...farm.body, unknown: 1 } })).body).toEqual(
      bad('[unknown] Unknown property for type BackendHttp'),
    );
    expect((await call('PUT', `${GRA}/http/frontend/1001`, { body: { port: null } })).body).toEqual(bad('[port] Property cannot be null'));
  });

  it('applies a partial PUT and answers null', async () => {
    const { call } = demoSandbox();
    const response = await call('PUT', `${GRA}/http/farm/2001`, { body: { displayName: 'renamed', balance: 'source' } });
    expect(response).toMatchObject({ status: 200, body: null });
    expect((await call('GET', `${GRA}/http/farm/2001`)).body).toMatchObject({ displayName: 'renamed', balance: 'source', port: 80 });
  });

  it('deletes and answers null', async () => {
    const { call } = demoSandbox();
    expect(await call('DELETE', `${GRA}/http/farm/2001/server/5002`)).toMatchObject({ status: 200, body: null });
    expect((await call('GET', `${GRA}/http/farm/2001/server/5002`)).status).toBe(404);
  });
});

describe('frontend rules', () => {
  it('checks the port specification', async () => {
    const { call } = demoSandbox();
    expect((await call('POST', `${GRA}/http/frontend`, { body: { zone: 'gra', port: '80,8000-8010' } })).status).toBe(200);
    expect((await call('POST', `${GRA}/http/frontend`, { body: { zone: 'gra', port: '8010-8000' } })).body).toEqual(
      bad('Invalid port range "8010-8000": the first port must be lower than the last one'),
    );
    expect((await call('POST', `${GRA}/udp/frontend`, { body: { zone: 'gra', port: '50000' } })).body).toEqual(
      bad('Port 50000 is out of range: ports must be between 1 and 49151'),
    );
  });

  it('checks the zone (service zones or all)', async () => {
    const { call } = demoSandbox();
    expect((await call('POST', `${MULTI}/tcp/frontend`, { body: { zone: 'all', port: '22' } })).status).toBe(200);
    expect((await call('POST', `${MULTI}/tcp/frontend`, { body: { zone: 'gra', port: '22' } })).body).toEqual(
      bad('Zone "gra" is not a zone of this load balancer: use one of rbx, sbg, all'),
    );
  });

  it('checks source lists: valid CIDRs, allowed and denied exclusive, dedicatedIpfo', async () => {
    const { call } = demoSandbox();
    const base = { zone: 'gra', port: '8443' };
    expect((await call('POST', `${GRA}/tcp/frontend`, { body: { ...base, allowedSource: ['10.0.0.0/8'], dedicatedIpfo: ['198.51.100.20/32'] } })).status).toBe(200);
    expect((await call('POST', `${GRA}/tcp/frontend`, { body: { ...base, allowedSource: ['10.0.0.0/8'], deniedSource: ['192.0.2.0/24'] } })).body).toEqual(
      bad('allowedSource and deniedSource cannot be used together: set only one of them'),
    );
    expect((await call('POST', `${GRA}/tcp/frontend`, { body: { ...base, deniedSource: ['10.0.0.1/8'] } })).body).toEqual(
      bad('[deniedSource.0] Given data (10.0.0.1/8) is not valid for type ipBlock'),
    );
    const frontend = await call<Record<string, unknown>>('GET', `${GRA}/tcp/frontend/1003`);
    expect((await call('PUT', `${GRA}/tcp/frontend/1003`, { body: { ...frontend.body, deniedSource: ['192.0.2.0/24'] } })).body).toEqual(
      bad('allowedSource and deniedSource cannot be used together: set only one of them'),
    );
  });

  it('checks the default farm: exists, same protocol, compatible zone', async () => {
    const { call } = demoSandbox();
    expect((await call('POST', `${MULTI}/http/frontend`, { body: { zone: 'all', port: '8080', defaultFarmId: 2008 } })).status).toBe(200);
    expect((await call('POST', `${MULTI}/http/frontend`, { body: { zone: 'sbg', port: '8080', defaultFarmId: 2008 } })).status).toBe(200);
    expect((await call('POST', `${MULTI}/http/frontend`, { body: { zone: 'rbx', port: '8080', defaultFarmId: 2008 } })).body).toEqual(
      bad("Farm 2008 is in zone sbg, not in the frontend's zone rbx"),
    );
    expect((await call('POST', `${MULTI}/http/frontend`, { body: { zone: 'rbx', port: '8080', defaultFarmId: 2009 } })).body).toEqual(
      bad('Farm 2009 is a tcp farm: a http frontend needs a http farm'),
    );
    expect((await call('POST', `${MULTI}/http/frontend`, { body: { zone: 'rbx', port: '8080', defaultFarmId: 4242 } })).body).toEqual(
      bad('Default farm 4242 does not exist'),
    );
    expect((await call('PUT', `${MULTI}/http/frontend/1006`, { body: { zone: 'sbg' } })).body).toEqual(
      bad("Farm 2007 is in zone rbx, not in the frontend's zone sbg"),
    );
  });

  it('checks defaultSslId and displayName', async () => {
    const { call } = demoSandbox();
    expect((await call('PUT', `${GRA}/http/frontend/1001`, { body: { defaultSslId: 303 } })).status).toBe(200);
    expect((await call('PUT', `${GRA}/http/frontend/1001`, { body: { defaultSslId: 999 } })).body).toEqual(bad('Certificate 999 (defaultSslId) does not exist'));
    expect((await call('PUT', `${GRA}/http/frontend/1001`, { body: { displayName: 'y'.repeat(51) } })).body).toEqual(
      bad('Display name must be at most 50 characters (got 51)'),
    );
  });

  it('refuses to delete a frontend that routes still use', async () => {
    const { call } = demoSandbox();
    expect((await call('DELETE', `${GRA}/http/frontend/1001`))).toMatchObject({
      status: 409,
      body: { class: 'Client::Conflict', message: 'Frontend 1001 is still used by routes 7001, 7002, 7003: detach it first' },
    });
    expect((await call('DELETE', `${GRA}/http/frontend/1002`)).status).toBe(200);
  });
});

describe('farm rules', () => {
  it('checks port, zone, displayName and vRack', async () => {
    const { call } = demoSandbox();
    expect((await call('POST', `${GRA}/http/farm`, { body: { zone: 'gra', port: 49151 } })).status).toBe(200);
    expect((await call('POST', `${GRA}/http/farm`, { body: { zone: 'gra', port: 49152 } })).body).toEqual(bad('Farm port must be between 1 and 49151 (got 49152)'));
    expect((await call('POST', `${GRA}/udp/farm`, { body: { zone: 'gra', port: 0 } })).body).toEqual(bad('Farm port must be between 1 and 49151 (got 0)'));
    expect((await call('POST', `${GRA}/http/farm`, { body: { zone: 'all' } })).body).toEqual(bad('Zone "all" is not a zone of this load balancer: use one of gra'));
    expect((await call('POST', `${GRA}/http/farm`, { body: { zone: 'gra', displayName: 'z'.repeat(51) } })).body).toEqual(
      bad('Display name must be at most 50 characters (got 51)'),
    );
    expect((await call('POST', `${GRA}/http/farm`, { body: { zone: 'gra', vrackNetworkId: 3 } })).body).toEqual(
      bad('vRack network 3 does not exist: this load balancer is not attached to a vRack'),
    );
  });

  it('checks the probe against availableFarmProbes', async () => {
    const { call } = demoSandbox();
    const ok = { type: 'http', method: 'GET', url: '/health', match: 'status', pattern: '200', interval: 30 };
    expect((await call('POST', `${GRA}/http/farm`, { body: { zone: 'gra', probe: ok } })).status).toBe(200);
    expect((await call('POST', `${GRA}/http/farm`, { body: { zone: 'gra', probe: { ...ok, interval: 29 } } })).body).toEqual(
      bad('Probe interval must be at least 30 seconds (got 29)'),
    );
    expect((await call('POST', `${GRA}/tcp/farm`, { body: { zone: 'gra', probe: { type: 'smtp', match: 'status', pattern: '250' } } })).body).toEqual(
      bad('Probe match "status" is not available for smtp probes: use one of default'),
    );
    expect((await call('PUT', `${GRA}/http/farm/2001`, { body: { probe: { type: 'mysql', method: 'GET' } } })).body).toEqual(
      bad('Probe method is only used by http probes, not mysql'),
    );
  });

  it('refuses to delete a farm used by a frontend or a route, naming them', async () => {
    const { call } = demoSandbox();
    expect(await call('DELETE', `${GRA}/http/farm/2001`)).toMatchObject({
      status: 409,
      body: { class: 'Client::Conflict', message: 'Farm 2001 is still used by frontend 1001 (default farm): detach it first' },
    });
    expect((await call('DELETE', `${GRA}/http/farm/2002`)).body).toEqual({
      class: 'Client::Conflict',
      message: 'Farm 2002 is still used by route 7001 (action target): detach it first',
    });
    await call('DELETE', `${GRA}/http/route/7003`);
    expect((await call('DELETE', `${GRA}/http/farm/2003`)).status).toBe(200);
    expect((await call('GET', `${GRA}/http/farm/2003/server/5009`)).status).toBe(404);
  });
});

describe('server rules', () => {
  it('checks address, port and weight; answers the new server with its state', async () => {
    const { call } = demoSandbox();
    const created = await call('POST', `${GRA}/http/farm/2001/server`, { body: { address: '10.0.1.16', status: 'active', port: 8080, probe: true } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ serverId: 5023, backendId: 2001, address: '10.0.1.16', weight: 1, backup: false, serverState: [] }); // not deployed yet: no health results (health.test.ts)
    const post = (body: object) => call('POST', `${GRA}/tcp/farm/2004/server`, { body: { address: '10.0.4.43', status: 'active', ...body } });
    expect((await post({ address: '127.0.0.1' })).body).toEqual(bad('Server address 127.0.0.1 is a loopback address and cannot be used'));
    expect((await post({ address: '224.0.0.5' })).body).toEqual(bad('Server address 224.0.0.5 is a multicast address and cannot be used'));
    expect((await post({ address: '0.0.0.0' })).body).toEqual(bad(/0\.0\.0\.0\/8/));
    expect((await post({ port: 65000 })).body).toEqual(bad('Server port must be between 1 and 49151 (got 65000)'));
    expect((await post({ weight: 256 })).status).toBe(200);
    expect((await post({ weight: 257 })).body).toEqual(bad('Weight must be between 0 and 256 (got 257)'));
    expect((await post({ status: 'paused' })).status).toBe(400);
    expect((await post({ cookie: 'abc' })).body).toEqual(bad('Invalid parameter(s): cookie (not accepted by POST /ipLoadbalancing/{serviceName}/tcp/farm/{farmId}/server)'));
    expect((await call('PUT', `${GRA}/http/farm/2001/server/5001`, { body: { weight: -1 } })).body).toEqual(bad('Weight must be between 0 and 256 (got -1)'));
    expect((await call('POST', `${GRA}/http/farm/9999/server`, { body: { address: '10.0.0.1', status: 'active' } })).status).toBe(404);
    expect((await call('GET', `${GRA}/http/farm/2002/server/5001`)).status).toBe(404);
  });
});
