// @vitest-environment node
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createOvhClient, type OvhClientOptions } from './client.ts';
import { OvhApiError } from './errors.ts';
import type { ApiCredentials, ApiTarget } from './target.ts';

const eu = 'https://eu.api.ovh.com/1.0';
const keysA: ApiCredentials = {
  applicationKey: 'TDPKJdwZwAQPwKX2',
  applicationSecret: '9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk',
  consumerKey: '5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY',
};
const keysB: ApiCredentials = { applicationKey: 'APPLICATION_KEY', applicationSecret: 'APPLICATION_SECRET', consumerKey: 'CONSUMER_KEY' };

interface Received {
  method: string;
  url: string;
  body: string;
  headers: Record<string, string>;
}

const server = setupServer();
let received: Received[];
let bodies: Promise<unknown>[];
/** Request bodies are read asynchronously: wait for them before looking at `received[].body`. */
const bodiesRead = () => Promise.all(bodies);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  received = [];
  bodies = [];
  server.events.on('request:start', ({ request }) => {
    const copy = request.clone();
    const entry: Received = { method: request.method, url: request.url, body: '', headers: Object.fromEntries(request.headers) };
    received.push(entry);
    bodies.push(copy.text().then((text) => (entry.body = text)));
  });
});
afterEach(() => {
  server.resetHandlers();
  server.events.removeAllListeners();
});
afterAll(() => server.close());

const apiCalls = () => received.filter((entry) => !entry.url.endsWith('/auth/time'));
const timeCalls = () => received.filter((entry) => entry.url.endsWith('/auth/time'));
const xOvh = (entry: Received | undefined) =>
  Object.fromEntries(Object.entries(entry?.headers ?? {}).filter(([name]) => name.startsWith('x-ovh-')));

function target(overrides: Partial<ApiTarget> = {}): ApiTarget {
  return { kind: 'ovh-eu', label: 'OVH Europe', requestBase: eu, signatureBase: eu, credentials: keysA, ...overrides };
}

/** Client with no throttle, instant retries and a frozen clock (ms). */
function client(apiTarget: ApiTarget, nowMs: number, options: OvhClientOptions = {}) {
  return createOvhClient(apiTarget, { rateLimit: false, sleep: async () => {}, now: () => nowMs, ...options });
}

const serverTime = (seconds: number) => http.get(/\/auth\/time$/, () => HttpResponse.json(seconds));
const echo = (status = 200) => http.all(/.*/, () => HttpResponse.json({ ok: true }, { status }));

describe('signed calls (set A keys, time delta 0)', () => {
  it.each([
    ['A1', 'GET', undefined, '', '$1$e9556054b6309771395efa467c22e627407461ad'],
    ['A2', 'POST', { a: 'b', c: 'd' }, '{"a":"b","c":"d"}', '$1$ec2fb5c7a81f64723c77d2e5b609ae6f58a84fc1'],
    ['A3', 'PUT', { a: 'b', c: 'd' }, '{"a":"b","c":"d"}', '$1$8a75a9e7c8e7296c9dbeda6a2a735eb6bd58ec4b'],
    ['A4', 'DELETE', undefined, '', '$1$a1eecd00b3b02b6cf5708b84b9ff42059a950d85'],
  ] as const)('%s: %s /auth sends the expected headers and body', async (_id, method, body, wireBody, signature) => {
    server.use(serverTime(1457018875), echo());
    const api = client(target(), 1457018875_000);
    await expect(api.request(method, '/auth', body === undefined ? {} : { body })).resolves.toEqual({ ok: true });

    await bodiesRead();
    const [call] = apiCalls();
    expect(call?.method).toBe(method);
    expect(call?.url).toBe(`${eu}/auth`);
    expect(xOvh(call)).toEqual({
      'x-ovh-application': 'TDPKJdwZwAQPwKX2',
      'x-ovh-consumer': '5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY',
      'x-ovh-timestamp': '1457018875',
      'x-ovh-signature': signature,
    });
    expect(call?.body).toBe(wireBody);
    expect(call?.headers['content-type']).toBe(body === undefined ? undefined : 'application/json');
  });

  it.each([
    ['A10', 'https://eu.api.ovh.com/v1', '$1$e6e7906d385eb28adcbfbe6b66c1528a42d741ad'],
    ['A11', 'https://eu.api.ovh.com/v2/', '$1$bb63b132a6f84ad5433d0c534d48d3f7c3804285'],
  ])('%s: signs over the base given (%s)', async (_id, base, signature) => {
    server.use(serverTime(1457018875), echo());
    await client(target({ requestBase: base, signatureBase: base }), 1457018875_000).request('GET', '/call');
    expect(apiCalls()[0]?.url).toBe(`${base.replace(/\/$/, '')}/call`);
    expect(apiCalls()[0]?.headers['x-ovh-signature']).toBe(signature);
  });
});

describe('signed calls (set B keys, client clock 2 s behind the server)', () => {
  it.each([
    ['B1', 'GET', '/me', undefined, '', '$1$dfe0b86bf2ab0d9eb3f785dc1ab00de58984d80c'],
    ['B4', 'DELETE', '/ip/127.0.0.1', undefined, '', '$1$610ebc657a19d6b444264f998291a4f24bc3227d'],
    ['B6', 'POST', '/me/geolocation', undefined, '', '$1$3473ad8790d09e6d28f8a9d6f09a05c1f5f0bbfc'],
    ['B8', 'POST', '/me/contact', 'Fake content', '"Fake content"', '$1$8a6f2668c14048c59ca957bc26b16a29180ffb03'],
    ['B10', 'PUT', '/me/contact', 'Fake content', '"Fake content"', '$1$ec5195342ad1c81073c2eb3f3d83dd20942c4408'],
    ['B11', 'PUT', '/me/contact', undefined, '', '$1$5595b180f954de130f8da7a5a4b55adc3d27556f'],
    ['B12', 'PUT', '/me/contact', { address: { line1: 'Hey there' } }, '{"address":{"line1":"Hey there"}}', '$1$747cdaf92e412ea434a387e6ff7b20150ee1172f'],
  ] as const)('%s: %s %s', async (_id, method, path, body, wireBody, signature) => {
    server.use(serverTime(1566485767), echo());
    const api = client(target({ credentials: keysB }), 1566485765_000);
    await api.request(method, path, body === undefined ? {} : { body });

    await bodiesRead();
    const [call] = apiCalls();
    expect(call?.url).toBe(`${eu}${path}`);
    expect(call?.body).toBe(wireBody);
    expect(call?.headers['x-ovh-timestamp']).toBe('1566485767');
    expect(call?.headers['x-ovh-signature']).toBe(signature);
    expect(timeCalls()).toHaveLength(1);
    expect(xOvh(timeCalls()[0])).toEqual({ 'x-ovh-application': 'APPLICATION_KEY' });
  });

  it('asks /auth/time once for many calls', async () => {
    server.use(serverTime(1566485767), echo());
    const api = client(target({ credentials: keysB }), 1566485765_000);
    await Promise.all([api.request('GET', '/me'), api.request('GET', '/me'), api.request('GET', '/me')]);
    await api.request('GET', '/me');
    expect(timeCalls()).toHaveLength(1);
    expect(apiCalls()).toHaveLength(4);
  });
});

describe('through a proxy (set D)', () => {
  const proxied = () => target({ requestBase: 'https://console.example/ovh/eu/1.0', signatureBase: eu });

  it('sends to the proxy, signs over the real API URL, body with é as \\u00e9 (D2)', async () => {
    server.use(serverTime(1457018875), echo());
    await client(proxied(), 1457018875_000).request('POST', '/ipLoadbalancing/loadbalancer-0123/http/farm', {
      body: { displayName: 'café' },
    });
    await bodiesRead();
    const [call] = apiCalls();
    expect(call?.url).toBe('https://console.example/ovh/eu/1.0/ipLoadbalancing/loadbalancer-0123/http/farm');
    expect(call?.body).toBe('{"displayName":"caf\\u00e9"}');
    expect(call?.headers['x-ovh-signature']).toBe('$1$432380d0cbe6fce18e651196cfca283d3db31bd5');
    expect(timeCalls()[0]?.url).toBe('https://console.example/ovh/eu/1.0/auth/time');
  });

  it('signs the query string that is sent (D3) and array paths (D4)', async () => {
    server.use(serverTime(1457018875), echo());
    const api = client(proxied(), 1457018875_000);
    await api.request('GET', '/ipLoadbalancing/loadbalancer-0123/http/farm', { query: { zone: 'gra', vrackNetworkId: undefined } });
    await api.request('DELETE', ['ipLoadbalancing', 'loadbalancer-0123', 'http', 'farm', 42, 'server', 7]);
    const [get, del] = apiCalls();
    expect(get?.url).toBe('https://console.example/ovh/eu/1.0/ipLoadbalancing/loadbalancer-0123/http/farm?zone=gra');
    expect(get?.headers['x-ovh-signature']).toBe('$1$9d83153c79e52a1f3bf54216f695c7ffaac81d0c');
    expect(del?.url).toBe('https://console.example/ovh/eu/1.0/ipLoadbalancing/loadbalancer-0123/http/farm/42/server/7');
    expect(del?.headers['x-ovh-signature']).toBe('$1$de0cdc027e32109788e5604f90b61a100eca50d1');
  });
});

describe('unsigned calls', () => {
  it('sends no X-Ovh header at all without credentials, and never asks the time', async () => {
    server.use(echo());
    await client(target({ kind: 'sandbox', credentials: undefined }), 0).request('GET', '/ipLoadbalancing');
    expect(received).toHaveLength(1);
    expect(xOvh(received[0])).toEqual({});
  });

  it('sends only the application key while no consumer key exists', async () => {
    server.use(echo());
    const { consumerKey: _ck, ...withoutConsumer } = keysA;
    await client(target({ credentials: withoutConsumer }), 0).request('GET', '/ipLoadbalancing');
    expect(received).toHaveLength(1);
    expect(xOvh(received[0])).toEqual({ 'x-ovh-application': 'TDPKJdwZwAQPwKX2' });
  });

  it('never signs GET /auth/time and POST /auth/credential, but signs GET /auth/currentCredential', async () => {
    server.use(serverTime(1457018875), echo());
    const api = client(target(), 1457018875_000);
    await expect(api.request('GET', '/auth/time')).resolves.toBe(1457018875);
    await api.request('POST', '/auth/credential', { body: { accessRules: [{ method: 'GET', path: '/ipLoadbalancing' }] } });
    await api.request('GET', '/auth/currentCredential');
    await bodiesRead();
    const [time, credential] = received;
    const current = received.find((entry) => entry.url.endsWith('/auth/currentCredential'));
    expect(xOvh(time)).toEqual({ 'x-ovh-application': 'TDPKJdwZwAQPwKX2' });
    expect(xOvh(credential)).toEqual({ 'x-ovh-application': 'TDPKJdwZwAQPwKX2' });
    expect(credential?.body).toBe('{"accessRules":[{"method":"GET","path":"/ipLoadbalancing"}]}');
    expect(current?.url).toBe(`${eu}/auth/currentCredential`);
    expect(current?.headers['x-ovh-signature']).toMatch(/^\$1\$[0-9a-f]{40}$/);
    expect(current?.headers['x-ovh-consumer']).toBe(keysA.consumerKey);
  });
});

describe('answers', () => {
  it.each([
    ['an empty 200', () => new HttpResponse(null, { status: 200 })],
    ['a 204', () => new HttpResponse(null, { status: 204 })],
    ['a JSON null', () => HttpResponse.json(null)],
  ])('resolves null for %s', async (_name, respond) => {
    server.use(http.post(`${eu}/x`, respond));
    await expect(client(target({ credentials: undefined }), 0).request('POST', '/x')).resolves.toBeNull();
  });

  it('gives response headers through send()', async () => {
    server.use(http.get(`${eu}/x`, () => HttpResponse.json([1], { headers: { 'X-Pagination-Elements': '1' } })));
    const answer = await client(target({ credentials: undefined }), 0).send('GET', '/x');
    expect(answer).toMatchObject({ data: [1], status: 200 });
    expect(answer.headers.get('x-pagination-elements')).toBe('1');
  });

  it('turns a non-JSON 200 into an OvhApiError', async () => {
    server.use(http.get(`${eu}/x`, () => new HttpResponse('<html>hi</html>', { status: 200 })));
    await expect(client(target({ credentials: undefined }), 0).request('GET', '/x')).rejects.toMatchObject({
      name: 'OvhApiError',
      status: 200,
    });
  });
});

describe('errors', () => {
  it('rejects with an OvhApiError carrying the server fields', async () => {
    server.use(
      serverTime(1457018875),
      http.get(`${eu}/ipLoadbalancing/lb-1`, () =>
        HttpResponse.json(
          { class: 'Client::NotFound', message: 'The requested object (serviceName = lb-1) does not exist' },
          { status: 404, headers: { 'X-Ovh-QueryID': 'EU.ext-1.abc' } },
        ),
      ),
    );
    const error = await client(target(), 1457018875_000).request('GET', '/ipLoadbalancing/lb-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OvhApiError);
    expect(error).toMatchObject({
      status: 404,
      errorClass: 'Client::NotFound',
      message: 'The requested object (serviceName = lb-1) does not exist',
      queryId: 'EU.ext-1.abc',
      method: 'GET',
      path: '/ipLoadbalancing/lb-1',
    });
    expect(apiCalls()).toHaveLength(1);
  });

  it('never lets the application secret into an error, even when the server echoes it', async () => {
    server.use(
      serverTime(1457018875),
      http.get(`${eu}/me`, () =>
        HttpResponse.json(
          { errorCode: 'INVALID_SIGNATURE', message: `bad: ${keysA.applicationSecret}+${keysA.consumerKey}` },
          { status: 400 },
        ),
      ),
    );
    const error = (await client(target(), 1457018875_000).request('GET', '/me').catch((e: unknown) => e)) as OvhApiError;
    expect(error.errorCode).toBe('INVALID_SIGNATURE');
    expect(error.message).toBe('bad: ***+***');
    expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain(keysA.applicationSecret);
  });

  it('turns a network failure into status 0', async () => {
    const failing = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const api = client(target({ credentials: undefined }), 0, { fetch: failing, retry: false });
    await expect(api.request('GET', '/ipLoadbalancing')).rejects.toMatchObject({
      name: 'OvhApiError',
      status: 0,
      message: expect.stringContaining('Failed to fetch'),
    });
  });
});

describe('retries', () => {
  const failThenSucceed = (failures: (() => Response)[]) => {
    let count = 0;
    return http.all(`${eu}/x`, () => failures[count++]?.() ?? HttpResponse.json({ ok: true }));
  };

  it('retries a GET on 503/502/504 with exponential backoff, then succeeds', async () => {
    server.use(
      failThenSucceed([
        () => new HttpResponse('<html>busy</html>', { status: 503 }),
        () => new HttpResponse(null, { status: 502 }),
        () => new HttpResponse(null, { status: 504 }),
      ]),
    );
    const sleep = vi.fn(async () => {});
    const api = client(target({ credentials: undefined }), 0, { sleep, retry: { baseDelayMs: 100, random: () => 0 } });
    await expect(api.request('GET', '/x')).resolves.toEqual({ ok: true });
    expect(received).toHaveLength(4);
    expect(sleep.mock.calls).toEqual([[100], [200], [400]]);
  });

  it('gives up after 3 retries', async () => {
    server.use(http.get(`${eu}/x`, () => new HttpResponse(null, { status: 503 })));
    const api = client(target({ credentials: undefined }), 0);
    await expect(api.request('GET', '/x')).rejects.toMatchObject({ status: 503, message: 'HTTP 503 Service Unavailable' });
    expect(received).toHaveLength(4);
  });

  it('waits Retry-After seconds on 429', async () => {
    server.use(failThenSucceed([() => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '2' } })]));
    const sleep = vi.fn(async () => {});
    await client(target({ credentials: undefined }), 0, { sleep }).request('GET', '/x');
    expect(sleep.mock.calls).toEqual([[2000]]);
    expect(received).toHaveLength(2);
  });

  it('retries a GET after a network error', async () => {
    let calls = 0;
    const flaky: typeof fetch = async () => {
      calls++;
      if (calls === 1) throw new TypeError('network down');
      return Response.json({ ok: true });
    };
    await expect(client(target({ credentials: undefined }), 0, { fetch: flaky }).request('GET', '/x')).resolves.toEqual({ ok: true });
    expect(calls).toBe(2);
  });

  it.each(['POST', 'PUT', 'DELETE'] as const)('never retries a %s', async (method) => {
    server.use(http.all(`${eu}/x`, () => new HttpResponse(null, { status: 503 })));
    await expect(client(target({ credentials: undefined }), 0).request(method, '/x', { body: {} })).rejects.toMatchObject({ status: 503 });
    expect(received).toHaveLength(1);
  });

  it('does not retry a client error', async () => {
    server.use(http.get(`${eu}/x`, () => HttpResponse.json({ message: 'Invalid IPv4' }, { status: 400 })));
    await expect(client(target({ credentials: undefined }), 0).request('GET', '/x')).rejects.toMatchObject({ status: 400 });
    expect(received).toHaveLength(1);
  });

  it('stops at once when aborted during the backoff', async () => {
    server.use(http.get(`${eu}/x`, () => new HttpResponse(null, { status: 503 })));
    const controller = new AbortController();
    const sleep = () => {
      controller.abort();
      return new Promise<void>(() => {});
    };
    const run = client(target({ credentials: undefined }), 0, { sleep }).request('GET', '/x', { signal: controller.signal });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(received).toHaveLength(1);
  });
});

describe('time drift', () => {
  const drift = () =>
    HttpResponse.json({ class: 'Client::BadRequest', errorCode: 'QUERY_TIME_OUT', message: 'Query out of time' }, { status: 400 });

  it.each(['GET', 'POST'] as const)('re-syncs once and retries a refused %s once, with the new timestamp', async (method) => {
    let times = 0;
    let calls = 0;
    server.use(
      http.get(`${eu}/auth/time`, () => HttpResponse.json(times++ === 0 ? 1000 : 1300)),
      http.all(`${eu}/ipLoadbalancing/lb-1/refresh`, () => (calls++ === 0 ? drift() : HttpResponse.json({ id: 1 }))),
    );
    const api = client(target(), 1_000_000);
    await expect(api.request(method, '/ipLoadbalancing/lb-1/refresh')).resolves.toEqual({ id: 1 });
    expect(timeCalls()).toHaveLength(2);
    expect(apiCalls().map((call) => call.headers['x-ovh-timestamp'])).toEqual(['1000', '1300']);
    expect(apiCalls()[0]?.headers['x-ovh-signature']).not.toBe(apiCalls()[1]?.headers['x-ovh-signature']);
  });

  it('treats a message about the timestamp as drift too, and gives up after one retry', async () => {
    server.use(
      serverTime(1000),
      http.post(`${eu}/x`, () => HttpResponse.json({ message: 'Invalid timestamp' }, { status: 401 })),
    );
    await expect(client(target(), 1_000_000).request('POST', '/x')).rejects.toMatchObject({ status: 401 });
    expect(apiCalls()).toHaveLength(2);
    expect(timeCalls()).toHaveLength(2);
  });

  it('does not re-sync an unsigned call', async () => {
    server.use(http.post(`${eu}/auth/credential`, drift));
    await expect(client(target(), 1_000_000).request('POST', '/auth/credential')).rejects.toMatchObject({ errorCode: 'QUERY_TIME_OUT' });
    expect(received).toHaveLength(1);
  });
});

describe('rate limit', () => {
  it('throttles a real endpoint by default (burst 20) but not the sandbox', async () => {
    server.use(echo());
    // Frozen clock and a sleep that never ends: the bucket never refills, so call 21 must wait.
    const sleep = vi.fn(() => new Promise<void>(() => {}));
    const eu0 = createOvhClient(target({ credentials: undefined }), { sleep, now: () => 0 });
    await Promise.all(Array.from({ length: 20 }, () => eu0.request('GET', '/x')));
    expect(sleep).not.toHaveBeenCalled();
    const pending = eu0.request('GET', '/x');
    await vi.waitFor(() => expect(sleep).toHaveBeenCalledWith(50));
    void pending.catch(() => {});

    const sandboxSleep = vi.fn(async () => {});
    const sandbox = createOvhClient(target({ kind: 'sandbox', credentials: undefined }), { sleep: sandboxSleep, now: () => 0 });
    await Promise.all(Array.from({ length: 30 }, () => sandbox.request('GET', '/x')));
    expect(sandboxSleep).not.toHaveBeenCalled();
  });

  it("uses the target's own rate when it has one (set on the Connection screen)", async () => {
    server.use(echo());
    const sleep = vi.fn(() => new Promise<void>(() => {}));
    const slow = createOvhClient(target({ credentials: undefined, requestsPerSecond: 2 }), { sleep, now: () => 0 });
    await Promise.all([1, 2].map(() => slow.request('GET', '/x')));
    expect(sleep).not.toHaveBeenCalled();
    void slow.request('GET', '/x').catch(() => {});
    await vi.waitFor(() => expect(sleep).toHaveBeenCalledWith(500));
  });

  it('spaces calls at the configured rate', async () => {
    server.use(echo());
    let time = 0;
    const sentAt: number[] = [];
    const api = createOvhClient(target({ credentials: undefined }), {
      rateLimit: { requestsPerSecond: 4, burst: 1 },
      now: () => time,
      sleep: async (ms) => {
        time += ms;
      },
      fetch: async (input, init) => {
        sentAt.push(time);
        return fetch(input, init);
      },
    });
    await Promise.all([1, 2, 3].map(() => api.request('GET', '/x')));
    expect(sentAt).toEqual([0, 250, 500]);
  });
});

describe('call (typed operations)', () => {
  it('fills the path template and sends the query', async () => {
    server.use(serverTime(1457018875), http.get(`${eu}/ipLoadbalancing/:service/http/farm`, () => HttpResponse.json([1, 2])));
    const api = client(target(), 1457018875_000);
    const ids: number[] = await api.call('GET /ipLoadbalancing/{serviceName}/http/farm', {
      path: { serviceName: 'loadbalancer-0123' },
      query: { zone: 'gra' },
    });
    expect(ids).toEqual([1, 2]);
    expect(apiCalls()[0]?.url).toBe(`${eu}/ipLoadbalancing/loadbalancer-0123/http/farm?zone=gra`);
    expect(apiCalls()[0]?.headers['x-ovh-signature']).toBe('$1$9d83153c79e52a1f3bf54216f695c7ffaac81d0c');
  });

  it('sends the body of a write', async () => {
    server.use(serverTime(1), http.post(`${eu}/ipLoadbalancing/lb/http/farm`, () => HttpResponse.json({ farmId: 9 })));
    const api = client(target(), 1000);
    await api.call('POST /ipLoadbalancing/{serviceName}/http/farm', { path: { serviceName: 'lb' }, body: { zone: 'gra', port: 80 } });
    await bodiesRead();
    expect(apiCalls()[0]?.body).toBe('{"zone":"gra","port":80}');
  });
});
