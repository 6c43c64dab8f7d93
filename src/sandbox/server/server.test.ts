// @vitest-environment node
import { computeSignature } from '@/lib/ovh/signature';
import type { SandboxState } from '@/sandbox/sandbox';
import { type SandboxFactory, type SandboxServer, startSandboxServer } from './server';

/** A stand-in for the simulated API: echoes what it received, so the tests see what the server passed on. */
const fakeSandbox: SandboxFactory = ({ seed = 'demo' }) => {
  let current = seed;
  return {
    get state() {
      return { seed: current } as unknown as SandboxState;
    },
    reset(next = current) {
      current = next;
    },
    async handle(request, apiPath) {
      const body = request.method === 'GET' ? '' : await request.text();
      return Response.json(
        { seed: current, apiPath, url: request.url, method: request.method, body },
        { headers: { 'X-Pagination-Elements': '3' } },
      );
    },
  };
};

const keys = {
  applicationKey: 'appKey0123456789',
  applicationSecret: 'secret0123456789secret0123456789',
  consumerKey: 'consumer0123456789consumer012345',
};

let server: SandboxServer;
let clockMs = 1_700_000_000_000;
const now = () => clockMs;

beforeEach(async () => {
  clockMs = 1_700_000_000_000;
  server = await startSandboxServer({ createSandbox: fakeSandbox, auth: keys, now });
});
afterEach(async () => {
  await server.close();
});

async function signed(
  method: string,
  path: string,
  init: {
    body?: string;
    consumerKey?: string;
    secret?: string;
    timestamp?: number;
    headers?: Record<string, string>;
  } = {},
) {
  const url = `${server.url}${path}`;
  const timestamp = init.timestamp ?? Math.floor(clockMs / 1000);
  const consumerKey = init.consumerKey ?? keys.consumerKey;
  const signature = await computeSignature({
    applicationSecret: init.secret ?? keys.applicationSecret,
    consumerKey,
    method,
    url,
    body: init.body ?? '',
    timestamp,
  });
  return fetch(url, {
    method,
    headers: {
      'X-Ovh-Application': keys.applicationKey,
      'X-Ovh-Consumer': consumerKey,
      'X-Ovh-Timestamp': String(timestamp),
      'X-Ovh-Signature': signature,
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      ...init.headers,
    },
    ...(init.body ? { body: init.body } : {}),
  });
}

describe('sandbox HTTP server', () => {
  it('passes a signed call to the sandbox with the API path and query, and adds CORS and a query id', async () => {
    const response = await signed('POST', '/ipLoadbalancing/lb-1/http/farm?zone=gra', {
      body: '{"displayName":"caf\\u00e9"}',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      apiPath: '/ipLoadbalancing/lb-1/http/farm',
      url: `${server.url}/ipLoadbalancing/lb-1/http/farm?zone=gra`,
      method: 'POST',
      body: '{"displayName":"caf\\u00e9"}',
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toContain('X-Pagination-Elements');
    expect(response.headers.get('x-ovh-queryid')).toMatch(/^SBX\./);
  });

  it('answers CORS preflights for signed writes and expanded lists', async () => {
    const response = await fetch(`${server.url}/ipLoadbalancing/lb-1/http/farm/1`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://app.example',
        'Access-Control-Request-Method': 'DELETE',
        'Access-Control-Request-Headers': 'x-ovh-signature,x-pagination-mode',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toContain('DELETE');
    expect(response.headers.get('access-control-allow-headers')).toMatch(
      /X-Ovh-Signature.*X-Pagination-Mode/,
    );
  });

  it('refuses unsigned, badly signed and stale calls with OVHcloud bodies', async () => {
    const unsigned = await fetch(`${server.url}/ipLoadbalancing`);
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({
      class: 'Client::Unauthorized',
      message: 'You must login first',
    });

    const wrongSecret = await signed('GET', '/ipLoadbalancing', { secret: 'not-the-secret' });
    expect(wrongSecret.status).toBe(400);
    expect(await wrongSecret.json()).toMatchObject({
      class: 'Client::BadRequest',
      errorCode: 'INVALID_SIGNATURE',
      message: 'Invalid signature',
    });
    expect(wrongSecret.headers.get('x-ovh-queryid')).toBeTruthy();

    const stale = await signed('GET', '/ipLoadbalancing', { timestamp: Math.floor(clockMs / 1000) - 600 });
    expect(stale.status).toBe(400);
    expect(await stale.json()).toMatchObject({ errorCode: 'QUERY_TIME_OUT', message: 'Query out of time' });
  });

  it('serves /auth/time unsigned from its clock', async () => {
    const response = await fetch(`${server.url}/auth/time`);
    expect(await response.json()).toBe(1_700_000_000);
  });

  it('checks signatures against --signature-base when given (a proxy in front)', async () => {
    await server.close();
    server = await startSandboxServer({
      createSandbox: fakeSandbox,
      auth: keys,
      now,
      signatureBase: 'https://eu.api.ovh.com/1.0',
    });
    const path = '/ipLoadbalancing';
    const timestamp = Math.floor(clockMs / 1000);
    const sign = (url: string) =>
      computeSignature({
        applicationSecret: keys.applicationSecret,
        consumerKey: keys.consumerKey,
        method: 'GET',
        url,
        body: '',
        timestamp,
      });
    const send = async (signedOver: string) =>
      fetch(`${server.url}${path}`, {
        headers: {
          'X-Ovh-Application': keys.applicationKey,
          'X-Ovh-Consumer': keys.consumerKey,
          'X-Ovh-Timestamp': String(timestamp),
          'X-Ovh-Signature': await sign(signedOver),
        },
      });
    expect((await send(`https://eu.api.ovh.com/1.0${path}`)).status).toBe(200);
    expect((await send(`${server.url}${path}`)).status).toBe(400);
  });

  it('resets the sandbox on POST /1.0/__sandbox/reset and refuses an unknown seed', async () => {
    const reset = await fetch(`${server.url}/__sandbox/reset`, { method: 'POST', body: '{"seed":"empty"}' });
    expect(await reset.json()).toEqual({ seed: 'empty' });
    expect(server.sandbox.state).toEqual({ seed: 'empty' });
    const bad = await fetch(`${server.url}/__sandbox/reset`, { method: 'POST', body: '{"seed":"../etc"}' });
    expect(bad.status).toBe(400);
  });

  it('answers 404 outside /1.0 and 400 on a body that is not JSON where JSON is expected', async () => {
    expect((await fetch(`${server.origin}/other`)).status).toBe(404);
    const response = await fetch(`${server.url}/auth/credential`, {
      method: 'POST',
      headers: { 'X-Ovh-Application': keys.applicationKey },
      body: '{not json',
    });
    expect(response.status).toBe(400);
  });
});

describe('consumer key flow', () => {
  const rules = [
    { method: 'GET', path: '/ipLoadbalancing' },
    { method: 'GET', path: '/ipLoadbalancing/*' },
  ];

  async function requestCredential(
    body: unknown = { accessRules: rules, redirection: 'http://app.example/connection?validated=1' },
  ) {
    return fetch(`${server.url}/auth/credential`, {
      method: 'POST',
      headers: { 'X-Ovh-Application': keys.applicationKey, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async function answer(validationUrl: string, decision: 'approve' | 'refuse', validity = '86400') {
    const token = new URL(validationUrl).searchParams.get('credentialToken')!;
    return fetch(`${server.origin}/auth/validate`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ credentialToken: token, decision, validity }).toString(),
    });
  }

  it('needs a known application key', async () => {
    const missing = await fetch(`${server.url}/auth/credential`, {
      method: 'POST',
      body: JSON.stringify({ accessRules: rules }),
    });
    expect(missing.status).toBe(401);
    const unknown = await fetch(`${server.url}/auth/credential`, {
      method: 'POST',
      headers: { 'X-Ovh-Application': 'nope' },
      body: JSON.stringify({ accessRules: rules }),
    });
    expect(unknown.status).toBe(403);
    expect(await unknown.json()).toMatchObject({
      errorCode: 'INVALID_KEY',
      message: 'This application key is invalid',
    });
  });

  it('creates a pending key, shows the rules on the validation page, and validates it on Approve', async () => {
    const created = await requestCredential();
    expect(created.status).toBe(200);
    const { validationUrl, consumerKey, state } = (await created.json()) as {
      validationUrl: string;
      consumerKey: string;
      state: string;
    };
    expect(state).toBe('pendingValidation');
    expect(validationUrl).toMatch(
      new RegExp(`^${server.origin}/auth/validate\\?credentialToken=[A-Za-z0-9]{64}$`),
    );
    expect(consumerKey).toMatch(/^[A-Za-z0-9]{32}$/);

    const pendingCall = await signed('GET', '/ipLoadbalancing', { consumerKey });
    expect(pendingCall.status).toBe(403);
    expect(await pendingCall.json()).toMatchObject({
      errorCode: 'INVALID_CREDENTIAL',
      message: 'This credential is not valid',
    });
    // currentCredential answers while pending, so an app can poll it until the user has validated.
    const pendingInfo = await signed('GET', '/auth/currentCredential', { consumerKey });
    expect(pendingInfo.status).toBe(200);
    expect(await pendingInfo.json()).toMatchObject({ status: 'pendingValidation', rules });

    const page = await fetch(validationUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/ipLoadbalancing/*');
    expect(html).toContain('Approve');
    expect(html).toContain('Refuse');
    expect(html).toContain('http://app.example/connection?validated=1');

    const approved = await answer(validationUrl, 'approve', '3600');
    expect(approved.status).toBe(303);
    expect(approved.headers.get('location')).toBe('http://app.example/connection?validated=1');

    const current = await signed('GET', '/auth/currentCredential', { consumerKey });
    expect(current.status).toBe(200);
    expect(await current.json()).toMatchObject({
      status: 'validated',
      rules,
      allowedIPs: null,
      ovhSupport: false,
      expiration: new Date(clockMs + 3600 * 1000).toISOString(),
    });
    expect((await signed('GET', '/ipLoadbalancing/lb-1/http/farm', { consumerKey })).status).toBe(200);

    // The link works once.
    expect((await fetch(validationUrl)).status).toBe(404);
    expect((await answer(validationUrl, 'approve')).status).toBe(404);
  });

  it('refuses calls outside the granted rules', async () => {
    const { validationUrl, consumerKey } = (await (await requestCredential()).json()) as {
      validationUrl: string;
      consumerKey: string;
    };
    await answer(validationUrl, 'approve');
    const write = await signed('DELETE', '/ipLoadbalancing/lb-1/http/farm/1', { consumerKey });
    expect(write.status).toBe(403);
    expect(await write.json()).toEqual({
      class: 'Client::Forbidden',
      errorCode: 'NOT_GRANTED_CALL',
      httpCode: '403 Forbidden',
      message: 'This call has not been granted',
    });
    expect((await signed('GET', '/me', { consumerKey })).status).toBe(403);
  });

  it('marks the key refused on Refuse', async () => {
    const { validationUrl, consumerKey } = (await (await requestCredential()).json()) as {
      validationUrl: string;
      consumerKey: string;
    };
    expect((await answer(validationUrl, 'refuse')).status).toBe(303);
    const call = await signed('GET', '/ipLoadbalancing', { consumerKey });
    expect(await call.json()).toMatchObject({ errorCode: 'INVALID_CREDENTIAL' });
    expect(server.store.findByConsumerKey(consumerKey)?.status).toBe('refused');
  });

  it('lets a key expire after the chosen validity', async () => {
    const { validationUrl, consumerKey } = (await (await requestCredential()).json()) as {
      validationUrl: string;
      consumerKey: string;
    };
    await answer(validationUrl, 'approve', '3600');
    clockMs += 3601 * 1000;
    const call = await signed('GET', '/ipLoadbalancing', { consumerKey });
    expect(await call.json()).toMatchObject({ errorCode: 'INVALID_CREDENTIAL' });
  });

  it('shows a plain page without redirection and escapes what the application sent', async () => {
    const created = await requestCredential({
      accessRules: [{ method: 'GET', path: '/<script>alert(1)</script>' }],
    });
    const { validationUrl } = (await created.json()) as { validationUrl: string };
    const html = await (await fetch(validationUrl)).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
    const approved = await answer(validationUrl, 'approve', 'unlimited');
    expect(approved.status).toBe(200);
    expect(await approved.text()).toContain('Access granted');
  });

  it('logs out: the current key stops working at once', async () => {
    const { validationUrl, consumerKey } = (await (await requestCredential()).json()) as {
      validationUrl: string;
      consumerKey: string;
    };
    await answer(validationUrl, 'approve');
    expect((await signed('POST', '/auth/logout', { consumerKey })).status).toBe(200);
    const after = await signed('GET', '/ipLoadbalancing', { consumerKey });
    expect(after.status).toBe(403);
    expect(await after.json()).toMatchObject({ errorCode: 'INVALID_CREDENTIAL' });
    const info = await signed('GET', '/auth/currentCredential', { consumerKey });
    expect(await info.json()).toMatchObject({ status: 'expired' });
    expect((await signed('POST', '/auth/logout', { consumerKey })).status).toBe(403);
    // The default key is untouched.
    expect((await signed('GET', '/ipLoadbalancing')).status).toBe(200);
  });

  it('the default consumer key is validated with full rules', async () => {
    const response = await signed('GET', '/auth/currentCredential');
    expect(await response.json()).toMatchObject({
      status: 'validated',
      expiration: null,
      rules: expect.arrayContaining([{ method: 'DELETE', path: '/*' }]),
    });
  });
});
