/**
 * The same-origin pass-through proxy to the OVHcloud API that `vite` (dev) and `vite preview` serve:
 *   /ovh/eu/1.0/* → https://eu.api.ovh.com/1.0/*
 *   /ovh/ca/1.0/* → https://ca.api.ovh.com/1.0/*
 *   /ovh/us/1.0/* → https://api.us.ovhcloud.com/1.0/*
 * Each upstream can be replaced with an environment variable (IPLB_PROXY_EU, IPLB_PROXY_CA, IPLB_PROXY_US), e.g. a
 * sandbox server started with `--signature-base https://eu.api.ovh.com/1.0` for tests.
 *
 * Why: OVHcloud's CORS answers allow only GET/POST and expose no response header (PROTOCOL §6), so a browser
 * cannot send PUT/DELETE or read X-Ovh-QueryID / X-Pagination-* cross-origin. Through this proxy the calls are
 * same-origin. The browser signs over the upstream URL (target.signatureBase) and sends to the proxy path
 * (target.requestBase); method, path, query, body and every X-Ovh-* header go through unchanged.
 * docs/deploy.md shows the same paths for nginx and Caddy.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProxyOptions } from 'vite';
import { ovhEndpoints } from '../src/lib/ovh/target.ts';

export interface OvhProxyRoute {
  /** same-origin path prefix, e.g. `/ovh/eu/1.0` */
  path: string;
  /** upstream API base, e.g. `https://eu.api.ovh.com/1.0` */
  upstream: string;
  /** environment variable that overrides the upstream */
  envVar: string;
}

const envVars = { 'ovh-eu': 'IPLB_PROXY_EU', 'ovh-ca': 'IPLB_PROXY_CA', 'ovh-us': 'IPLB_PROXY_US' } as const;

/** Request headers of the app's origin that have no business at OVHcloud. */
const droppedRequestHeaders = ['cookie', 'origin', 'referer'];

export function ovhProxyRoutes(env: Record<string, string | undefined> = process.env): OvhProxyRoute[] {
  return (Object.keys(ovhEndpoints) as (keyof typeof ovhEndpoints)[]).map((kind) => {
    const envVar = envVars[kind];
    const override = env[envVar]?.trim();
    const upstream = (override || ovhEndpoints[kind].base).replace(/\/+$/, '');
    let url: URL;
    try {
      url = new URL(upstream);
    } catch {
      throw new Error(
        `${envVar} must be an absolute http(s) URL such as https://eu.api.ovh.com/1.0 (got "${override}")`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error(`${envVar} must be an http(s) URL`);
    if (url.pathname === '/' || url.pathname === '')
      throw new Error(
        `${envVar} must include the API version path, e.g. ${url.origin}/1.0 (got "${override}"): ` +
          'without it every call would answer "Got an invalid (or empty) URL"',
      );
    return { path: ovhEndpoints[kind].proxyPath, upstream, envVar };
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The answer when the upstream cannot be reached: OVH-shaped, so the app shows it like any API error. */
function badGateway(upstream: string, error: Error, res: ServerResponse) {
  if (res.headersSent || res.writableEnded) return;
  const code = (error as NodeJS.ErrnoException).code;
  const body = JSON.stringify({
    class: 'Server::BadGateway',
    message: `The pass-through proxy could not reach ${new URL(upstream).origin}${code ? ` (${code})` : ''}`,
  });
  res.writeHead(502, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** `server.proxy` / `preview.proxy` entries for Vite. */
export function ovhProxyConfig(
  env: Record<string, string | undefined> = process.env,
): Record<string, ProxyOptions> {
  const config: Record<string, ProxyOptions> = {};
  for (const route of ovhProxyRoutes(env)) {
    const upstream = new URL(route.upstream);
    // Only the prefix itself, or followed by / or ?: `/ovh/eu/1.0x` is not proxied.
    config[`^${escapeRegExp(route.path)}(?:[/?]|$)`] = {
      target: upstream.origin,
      changeOrigin: true,
      secure: true,
      xfwd: false,
      rewrite: (path) => `${upstream.pathname}${path.slice(route.path.length)}`,
      configure: (proxy) => {
        proxy.on('proxyReq', (proxyReq) => {
          for (const name of droppedRequestHeaders) proxyReq.removeHeader(name);
        });
        proxy.on('error', (error: Error, _req: IncomingMessage, res: unknown) => {
          if (res && typeof res === 'object' && 'writeHead' in res)
            badGateway(route.upstream, error, res as ServerResponse);
        });
      },
    };
  }
  return config;
}
