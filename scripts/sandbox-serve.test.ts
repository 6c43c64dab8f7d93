// @vitest-environment node
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { createOvhClient } from '@/lib/ovh/client';
import { OvhApiError } from '@/lib/ovh/errors';
import { computeSignature } from '@/lib/ovh/signature';
import type { ApiTarget } from '@/lib/ovh/target';
import { demoCredentials } from '@/sandbox/server/server';
import { parseServeArgs, UsageError } from './sandbox-serve';

const root = join(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

interface RunningCli {
  child: ChildProcessByStdio<null, Readable, Readable>;
  url: string;
  output: () => string;
}

/** Spawns `tsx scripts/sandbox-serve.ts …` (what `npm run sandbox:serve` runs) and waits for its URL line. */
function startCli(args: string[]): Promise<RunningCli> {
  const child = spawn(tsx, ['scripts/sandbox-serve.ts', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`sandbox-serve did not start:\n${stdout}\n${stderr}`)),
      20_000,
    );
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^Sandbox API listening on (http:\/\/\S+\/1\.0)$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => stdout + stderr });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox-serve exited with ${code}:\n${stdout}\n${stderr}`));
    });
  });
}

function stopCli(cli: RunningCli, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  return new Promise((resolve) => {
    if (cli.child.exitCode !== null) return resolve(cli.child.exitCode);
    cli.child.removeAllListeners('exit');
    cli.child.once('exit', (code) => resolve(code));
    cli.child.kill(signal);
  });
}

function customTarget(
  url: string,
  credentials: { applicationKey: string; applicationSecret: string; consumerKey: string },
): ApiTarget {
  return { kind: 'custom', label: 'Sandbox server', requestBase: url, signatureBase: url, credentials };
}

describe('parseServeArgs', () => {
  it('reads every option', () => {
    expect(
      parseServeArgs([
        '--port',
        '0',
        '--host',
        '0.0.0.0',
        '--seed',
        'large',
        '--data',
        'x.json',
        '--refresh-ms',
        '50',
        '--app-key',
        'ak',
        '--app-secret',
        'as',
        '--consumer-key',
        'ck',
        '--signature-base',
        'https://eu.api.ovh.com/1.0/',
      ]),
    ).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      seed: 'large',
      dataFile: join(process.cwd(), 'x.json'),
      refreshDurationMs: 50,
      auth: { applicationKey: 'ak', applicationSecret: 'as', consumerKey: 'ck' },
      signatureBase: 'https://eu.api.ovh.com/1.0',
    });
    expect(parseServeArgs([])).toMatchObject({ port: 8787, host: '127.0.0.1', auth: demoCredentials });
    expect(parseServeArgs(['--no-auth'])).toMatchObject({ auth: false });
  });

  it.each([
    [['--port', 'abc']],
    [['--port', '70000']],
    [['--seed', 'nope']],
    [['--signature-base', 'ftp://x']],
    [['--no-auth', '--app-key', 'x']],
    [['--app-secret', 'with space']],
    [['--unknown']],
  ])('refuses %j', (args) => {
    expect(() => parseServeArgs(args)).toThrow(UsageError);
  });
});

describe('npm run sandbox:serve (the real CLI)', () => {
  let dir: string;
  let cli: RunningCli | undefined;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'iplb-serve-'));
  });
  afterEach(async () => {
    if (cli) await stopCli(cli);
    cli = undefined;
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks signatures, paginates expanded lists, persists its state across a restart, resets, and stops cleanly', async () => {
    const dataFile = join(dir, 'state.json');
    cli = await startCli(['--port', '0', '--data', dataFile, '--refresh-ms', '200']);
    const { url } = cli;
    expect(cli.output()).toContain(`application secret: ${demoCredentials.applicationSecret}`);
    const client = createOvhClient(customTarget(url, demoCredentials));

    // A signed call (the browser client's signing) is accepted.
    const services = await client.request<string[]>('GET', '/ipLoadbalancing');
    expect(services.length).toBeGreaterThan(0);
    const serviceName = services[0]!;

    // Expanded list with pagination headers.
    const page = await client.send<unknown[]>('GET', `/ipLoadbalancing/${serviceName}/http/farm`, {
      headers: {
        'X-Pagination-Mode': 'CachedObjectList-Pages',
        'X-Pagination-Size': '1',
        'X-Pagination-Number': '1',
      },
    });
    expect(page.data).toHaveLength(1);
    expect(page.data?.[0]).toHaveProperty('farmId');
    expect(Number(page.headers.get('X-Pagination-Elements'))).toBeGreaterThanOrEqual(1);
    expect(page.headers.get('X-Pagination-Size')).toBe('1');
    expect(page.headers.get('X-Pagination-Number')).toBe('1');

    // Wrong secret → 400 INVALID_SIGNATURE, with a query id.
    const wrong = createOvhClient(
      customTarget(url, { ...demoCredentials, applicationSecret: 'not-the-secret' }),
      { retry: false },
    );
    const refused = await wrong.request('GET', '/ipLoadbalancing').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OvhApiError);
    expect(refused).toMatchObject({
      status: 400,
      errorCode: 'INVALID_SIGNATURE',
      message: 'Invalid signature',
    });
    expect((refused as OvhApiError).queryId).toBeTruthy();

    // Stale timestamp → 400 QUERY_TIME_OUT; unsigned → 401.
    const stale = Math.floor(Date.now() / 1000) - 3600;
    const staleResponse = await fetch(`${url}/ipLoadbalancing`, {
      headers: {
        'X-Ovh-Application': demoCredentials.applicationKey,
        'X-Ovh-Consumer': demoCredentials.consumerKey,
        'X-Ovh-Timestamp': String(stale),
        'X-Ovh-Signature': await computeSignature({
          ...demoCredentials,
          method: 'GET',
          url: `${url}/ipLoadbalancing`,
          body: '',
          timestamp: stale,
        }),
      },
    });
    expect(staleResponse.status).toBe(400);
    expect(await staleResponse.json()).toMatchObject({
      errorCode: 'QUERY_TIME_OUT',
      message: 'Query out of time',
    });
    const unsigned = await fetch(`${url}/ipLoadbalancing`);
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ message: 'You must login first' });

    // Create a farm, stop the server (SIGTERM, exit 0), start it again on the same file: the farm is still there.
    const service = await client.request<{ zone: string[] }>('GET', `/ipLoadbalancing/${serviceName}`);
    const farm = await client.request<{ farmId: number }>(
      'POST',
      `/ipLoadbalancing/${serviceName}/http/farm`,
      {
        body: { zone: service.zone[0], displayName: 'kept-across-restart' },
      },
    );
    expect(await stopCli(cli)).toBe(0);
    expect(cli.output()).toContain('stopping the sandbox server');
    expect(readFileSync(dataFile, 'utf8')).toContain('kept-across-restart');

    cli = await startCli(['--port', '0', '--data', dataFile]);
    expect(cli.output()).toContain(`state: loaded from ${dataFile}`);
    const again = createOvhClient(customTarget(cli.url, demoCredentials));
    expect(
      await again.request('GET', `/ipLoadbalancing/${serviceName}/http/farm/${farm.farmId}`),
    ).toMatchObject({
      farmId: farm.farmId,
      displayName: 'kept-across-restart',
    });

    // Reset to a seed: the farm is gone, and that is saved too.
    const reset = await fetch(`${cli.url}/__sandbox/reset`, {
      method: 'POST',
      body: JSON.stringify({ seed: 'empty' }),
    });
    expect(await reset.json()).toEqual({ seed: 'empty' });
    expect(await again.request('GET', '/ipLoadbalancing')).toEqual(expect.not.arrayContaining([serviceName]));
    expect(readFileSync(dataFile, 'utf8')).not.toContain('kept-across-restart');
    expect(existsSync(dataFile)).toBe(true);
  }, 60_000);

  it('exits with a usage message on a bad option', async () => {
    const child = spawn(tsx, ['scripts/sandbox-serve.ts', '--seed', 'nope'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('--seed must be one of demo, empty, large');
  }, 30_000);
});
