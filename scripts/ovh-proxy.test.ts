// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { computeSignature } from '@/lib/ovh/signature';
import type { SandboxState } from '@/sandbox/sandbox';
import { type SandboxFactory, type SandboxServer, startSandboxServer } from '@/sandbox/server/server';
import { ovhProxyConfig, ovhProxyRoutes } from './ovh-proxy';

describe('ovhProxyRoutes', () => {
  it('maps each OVH endpoint to its same-origin path, overridable per region', () => {
    expect(ovhProxyRoutes({})).toEqual([
      { path: '/ovh/eu/1.0', upstream: 'https://eu.api.ovh.com/1.0', envVar: 'IPLB_PROXY_EU' },
      { path: '/ovh/ca/1.0', upstream: 'https://ca.api.ovh.com/1.0', envVar: 'IPLB_PROXY_CA' },
      { path: '/ovh/us/1.0', upstream: 'https://api.us.ovhcloud.com/1.0', envVar: 'IPLB_PROXY_US' },
    ]);
    expect(ovhProxyRoutes({ IPLB_PROXY_CA: 'http://127.0.0.1:9/1.0/' })[1]?.upstream).toBe(
      'http://127.0.0.1:9/1.0',
    );
    expect(() => ovhProxyRoutes({ IPLB_PROXY_US: 'not a url' })).toThrow(/IPLB_PROXY_US/);
  });

  it('refuses an upstream without the API version path, which would make every call a 404', () => {
    expect(() => ovhProxyRoutes({ IPLB_PROXY_EU: 'http://127.0.0.1:8791' })).toThrow(
      /IPLB_PROXY_EU must include the API version path, e\.g\. http:\/\/127\.0\.0\.1:8791\/1\.0/,
    );
  });
});

/** Echoes what reached it, so the test sees exactly what the proxy forwarded. */
const echoSandbox: SandboxFactory = () => ({
  state: { seed: 'demo' } as unknown as SandboxState,
  reset() {},
  async handle(request, apiPath) {
    const headers = Object.fromEntries(
      [...request.headers].filter(([name]) => /^(x-ovh-|cookie|origin|referer|host)/.test(name)),
    );
    return Response.json({
      method: request.method,
      apiPath,
      url: request.url,
      body: await request.text(),
      headers,
    });
  },
});

describe('pass-through proxy (vite server.proxy) in front of a sandbox server checking signatures', () => {
  const keys = {
    applicationKey: 'proxyAppKey00001',
    applicationSecret: 'proxySecret0000000000000000000001',
    consumerKey: 'proxyConsumer0000000000000000001',
  };
  let upstream: SandboxServer;
  let vite: ViteDevServer;
  let origin: string;
  let root: string;

  beforeAll(async () => {
    upstream = await startSandboxServer({
      createSandbox: echoSandbox,
      auth: keys,
      signatureBase: 'https://eu.api.ovh.com/1.0',
    });
    root = mkdtempSync(join(tmpdir(), 'iplb-proxy-'));
    vite = await createServer({
      configFile: false,
      root,
      logLevel: 'silent',
      server: {
        port: 0,
        host: '127.0.0.1',
        proxy: ovhProxyConfig({ IPLB_PROXY_EU: upstream.url, IPLB_PROXY_CA: 'http://127.0.0.1:1/1.0' }),
      },
    });
    await vite.listen();
    origin = vite.resolvedUrls!.local[0]!.replace(/\/$/, '');
  });
  afterAll(async () => {
    await vite?.close();
    await upstream?.close();
    rmSync(root, { recursive: true, force: true });
  });

  async function send(method: string, path: string, body = '') {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = await computeSignature({
      applicationSecret: keys.applicationSecret,
      consumerKey: keys.consumerKey,
      method,
      url: `https://eu.api.ovh.com/1.0${path}`,
      body,
      timestamp,
    });
    return fetch(`${origin}/ovh/eu/1.0${path}`, {
      method,
      headers: {
        'X-Ovh-Application': keys.applicationKey,
        'X-Ovh-Consumer': keys.consumerKey,
        'X-Ovh-Timestamp': String(timestamp),
        'X-Ovh-Signature': signature,
        Cookie: 'session=app-cookie',
        Origin: origin,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(body ? { body } : {}),
    });
  }

  it('forwards method, path, query, body and X-Ovh headers unchanged, so the upstream signature check passes', async () => {
    const body = '{"displayName":"caf\\u00e9","port":80}';
    const response = await send('PUT', '/ipLoadbalancing/lb-1/http/farm/42?zone=gra&x=%2F', body);
    expect(response.status).toBe(200);
    const received = (await response.json()) as {
      method: string;
      apiPath: string;
      url: string;
      body: string;
      headers: Record<string, string>;
    };
    expect(received.method).toBe('PUT');
    expect(received.apiPath).toBe('/ipLoadbalancing/lb-1/http/farm/42');
    expect(new URL(received.url).search).toBe('?zone=gra&x=%2F');
    expect(received.body).toBe(body);
    expect(received.headers['x-ovh-application']).toBe(keys.applicationKey);
    expect(received.headers['host']).toBe(new URL(upstream.url).host);
    expect(received.headers).not.toHaveProperty('cookie');
    expect(received.headers).not.toHaveProperty('origin');
  });

  it('keeps percent-encoded path segments encoded (an IP block holds %2F)', async () => {
    const response = await send('GET', '/ipLoadbalancing/lb-1/failover/10.0.0.0%2F24');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { apiPath: string }).apiPath).toBe(
      '/ipLoadbalancing/lb-1/failover/10.0.0.0%2F24',
    );
  });

  it('passes DELETE and the upstream errors through, query id included', async () => {
    expect((await send('DELETE', '/ipLoadbalancing/lb-1/http/farm/42')).status).toBe(200);
    const response = await fetch(`${origin}/ovh/eu/1.0/ipLoadbalancing`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: 'You must login first' });
    expect(response.headers.get('x-ovh-queryid')).toBeTruthy();
  });

  it('answers 502 with an OVH-shaped body when the upstream is down', async () => {
    const response = await fetch(`${origin}/ovh/ca/1.0/auth/time`);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({
      class: 'Server::BadGateway',
      message: expect.stringContaining('could not reach http://127.0.0.1:1'),
    });
  });

  it('does not proxy look-alike paths', async () => {
    const response = await fetch(`${origin}/ovh/eu/1.0x/ipLoadbalancing`);
    expect(response.headers.get('x-ovh-queryid')).toBeNull();
  });
});
