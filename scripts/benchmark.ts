/**
 * Timings and request counts, kept out of the tests: `npm run bench`.
 *
 * Runs the sandbox in-process on the `large` data set and loads it through the real OVH client, once
 * with expanded lists (what the app does) and once as a client that only gets ids back (what the
 * OVHcloud Control Panel does: one request per object), and prints how many requests and how long each took.
 */
import { performance } from 'node:perf_hooks';
import type { BackendHttp, BackendHTTPServer, IpWithIAM } from '@/api/generated';
import { createOvhClient } from '@/lib/ovh/client';
import type { ApiTarget } from '@/lib/ovh/target';
import { createSandbox, type Sandbox } from '@/sandbox/sandbox';

const base = 'http://bench.local/1.0';
const target: ApiTarget = { kind: 'custom', label: 'Benchmark', requestBase: base, signatureBase: base };

/** A fetch that answers from the sandbox and counts calls; `idsOnly` strips the expanded-list header. */
function sandboxFetch(sandbox: Sandbox, idsOnly: boolean) {
  const counter = { requests: 0 };
  const fetchImpl: typeof fetch = async (input, init) => {
    counter.requests += 1;
    const request = new Request(input, init);
    if (idsOnly) {
      const headers = new Headers(request.headers);
      headers.delete('X-Pagination-Mode');
      headers.delete('X-Ovh-Batch');
      const stripped = new Request(request, { headers });
      return sandbox.handle(stripped, new URL(stripped.url).pathname.slice('/1.0'.length));
    }
    return sandbox.handle(request, new URL(request.url).pathname.slice('/1.0'.length));
  };
  return { fetchImpl, counter };
}

async function time<T>(label: string, run: () => Promise<T>, rows: (result: T) => string) {
  const start = performance.now();
  const result = await run();
  const ms = performance.now() - start;
  return { label, ms, detail: rows(result) };
}

async function loadEverything(idsOnly: boolean) {
  const sandbox = createSandbox({ seed: 'large' });
  const { fetchImpl, counter } = sandboxFetch(sandbox, idsOnly);
  const client = createOvhClient(target, { fetch: fetchImpl, rateLimit: false, retry: false });
  const [service] = await client.list<IpWithIAM>('/ipLoadbalancing');
  const servicePath = `/ipLoadbalancing/${service!.serviceName}`;
  const farms = await client.list<BackendHttp>(`${servicePath}/http/farm`);
  const servers = await Promise.all(
    farms.map((farm) => client.list<BackendHTTPServer>(`${servicePath}/http/farm/${farm.farmId}/server`)),
  );
  return { farms: farms.length, servers: servers.flat().length, requests: counter.requests };
}

async function main() {
  const results = [
    await time('create the large sandbox', async () => createSandbox({ seed: 'large' }), () => 'seed built'),
    await time('HTTP farms + servers, expanded lists', () => loadEverything(false), (r) =>
      `${r.farms} farms, ${r.servers} servers, ${r.requests} requests`,
    ),
    await time('HTTP farms + servers, one GET per id', () => loadEverything(true), (r) =>
      `${r.farms} farms, ${r.servers} servers, ${r.requests} requests`,
    ),
  ];
  console.info('| step | ms | result |\n| --- | ---: | --- |');
  for (const r of results) console.info(`| ${r.label} | ${r.ms.toFixed(0)} | ${r.detail} |`);
}

void main();
