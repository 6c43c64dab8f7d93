/**
 * The Connection screen against real HTTP servers: `npm run sandbox:serve` instances with signature checking on,
 * reached directly (Custom base URL) or through the app's pass-through proxy (OVH Europe).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page, Request } from '@playwright/test';
import { computeSignature } from '../src/lib/ovh/signature.ts';
import { expect, expectAccessible, test } from './fixtures';

const root = process.cwd();
const keys = {
  applicationKey: 'e2eAppKey0000001',
  applicationSecret: 'e2eAppSecret00000000000000000001',
  consumerKey: 'e2eConsumerKey000000000000000001',
};

interface Running {
  url: string;
  stop: () => Promise<void>;
}

/** Starts a process and resolves once a line of its output matches `ready`. */
function startProcess(
  command: string,
  args: string[],
  ready: RegExp,
  env: NodeJS.ProcessEnv = {},
): Promise<Running> {
  const child: ChildProcess = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`${command} did not start:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      // eslint-disable-next-line no-control-regex -- colours of vite's output
      output += chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code}:\n${output}`));
    });
  });
}

const startSandboxServer = (extra: string[] = []) =>
  startProcess(
    join(root, 'node_modules', '.bin', 'tsx'),
    [
      'scripts/sandbox-serve.ts',
      '--port',
      '0',
      '--refresh-ms',
      '500',
      '--app-key',
      keys.applicationKey,
      '--app-secret',
      keys.applicationSecret,
      '--consumer-key',
      keys.consumerKey,
      ...extra,
    ],
    /Sandbox API listening on (http:\/\/\S+\/1\.0)/,
  );

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A signed call from the test itself, to check what the server holds. */
async function signedFetch(base: string, method: string, path: string, signatureBase = base) {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = await computeSignature({
    applicationSecret: keys.applicationSecret,
    consumerKey: keys.consumerKey,
    method,
    url: `${signatureBase}${path}`,
    body: '',
    timestamp,
  });
  return fetch(`${base}${path}`, {
    method,
    headers: {
      'X-Ovh-Application': keys.applicationKey,
      'X-Ovh-Consumer': keys.consumerKey,
      'X-Ovh-Timestamp': String(timestamp),
      'X-Ovh-Signature': signature,
    },
  });
}

async function fillKeys(
  page: Page,
  options: { secret?: string; consumerKey?: string | null; remember?: boolean } = {},
) {
  await page.getByRole('textbox', { name: 'Application key' }).fill(keys.applicationKey);
  await page.getByLabel('Application secret').fill(options.secret ?? keys.applicationSecret);
  if (options.consumerKey !== null) {
    await page.getByLabel(/^Consumer key/).fill(options.consumerKey ?? keys.consumerKey);
  }
  if (options.remember) await page.getByRole('checkbox', { name: /Remember on this device/ }).check();
}

async function chooseCustomTarget(page: Page, url: string) {
  await page.goto('/connection');
  await expect(page.getByRole('heading', { name: 'Connection', level: 1 })).toBeVisible();
  await page.getByRole('radio', { name: /Custom base URL/ }).check();
  await page.getByRole('textbox', { name: 'API base URL' }).fill(url);
}

async function storageDump(page: Page): Promise<string> {
  return page.evaluate(() =>
    [sessionStorage, localStorage]
      .flatMap((storage) => Object.keys(storage).map((key) => `${key}=${storage.getItem(key)}`))
      .join('\n'),
  );
}

let direct: Running;
test.beforeAll(async () => {
  direct = await startSandboxServer();
});
test.afterAll(async () => {
  await direct?.stop();
});
test.beforeEach(async () => {
  await fetch(`${direct.url}/__sandbox/reset`, { method: 'POST', body: '{"seed":"demo"}' });
});

test('custom target with signature checking: create, edit, apply and delete a farm with signed requests', async ({
  page,
}) => {
  const apiRequests: Request[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(direct.url)) apiRequests.push(request);
  });
  await chooseCustomTarget(page, direct.url);
  await fillKeys(page);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Connect' }).click();

  await expect(page).toHaveURL(/\/services\/[^/]+\/overview$/);
  await expect(page.getByTestId('api-target')).toHaveText(/^Custom \(127\.0\.0\.1:\d+\)$/);
  const serviceName = decodeURIComponent(/\/services\/([^/]+)\//.exec(page.url())![1]!);

  // Create
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Farms' }).click();
  await page.getByRole('button', { name: /New HTTP farm/ }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('textbox', { name: 'Name' }).fill('e2e signed farm');
  // The demo load balancer has one zone: the form picks it.
  await drawer.getByRole('button', { name: 'Create farm' }).click();
  await expect(page).toHaveURL(/\/farms\/http\/\d+$/);
  const farmId = /\/farms\/http\/(\d+)$/.exec(page.url())![1]!;

  // Edit
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('e2e signed farm renamed');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('e2e signed farm renamed').first()).toBeVisible();
  const edited = await signedFetch(direct.url, 'GET', `/ipLoadbalancing/${serviceName}/http/farm/${farmId}`);
  expect(await edited.json()).toMatchObject({ displayName: 'e2e signed farm renamed' });

  // Apply
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  const applyDialog = page.getByRole('dialog', { name: 'Apply configuration' });
  await applyDialog.getByRole('button', { name: /^Apply/ }).click();
  await expect(applyDialog).toBeHidden();
  await expect
    .poll(async () => {
      const tasks = await signedFetch(
        direct.url,
        'GET',
        `/ipLoadbalancing/${serviceName}/task?action=refreshIplb`,
      );
      return ((await tasks.json()) as unknown[]).length;
    })
    .toBeGreaterThan(0);

  // Delete
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete farm' }).click();
  await expect(page).toHaveURL(/\/farms\/http$/);
  const gone = await signedFetch(direct.url, 'GET', `/ipLoadbalancing/${serviceName}/http/farm/${farmId}`);
  expect(gone.status).toBe(404);

  // Every call but the two open ones was signed, and the secret never travelled.
  expect(apiRequests.length).toBeGreaterThan(5);
  for (const request of apiRequests) {
    const headers = await request.allHeaders();
    const open = /\/auth\/(time|credential)$/.test(new URL(request.url()).pathname);
    if (!open) expect(headers['x-ovh-signature'], request.url()).toMatch(/^\$1\$[0-9a-f]{40}$/);
    expect(JSON.stringify(headers) + request.url() + (request.postData() ?? '')).not.toContain(
      keys.applicationSecret,
    );
  }
  const methods = new Set(apiRequests.map((request) => request.method()));
  expect([...methods]).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'DELETE']));
});

test('a wrong secret shows the API error with its request id, and changes nothing', async ({ page }) => {
  await chooseCustomTarget(page, direct.url);
  await fillKeys(page, { secret: 'wrongSecret00000000000000000001' });
  await page.getByRole('button', { name: 'Connect' }).click();

  const alert = page.getByRole('alert').filter({ hasText: 'Could not connect with these keys' });
  await expect(alert).toContainText(/Invalid signature \(request id SBX\.[\w.-]+\)/);
  await expect(alert).toContainText('Check the application secret');
  await expect(page).toHaveURL(/\/connection$/);
  expect(await storageDump(page)).not.toContain(keys.applicationKey);

  // Keys that go bad later (secret changed elsewhere): the write is refused, shown with its request id, not applied.
  const services = (await (await signedFetch(direct.url, 'GET', '/ipLoadbalancing')).json()) as string[];
  const before = await (await signedFetch(direct.url, 'GET', `/ipLoadbalancing/${services[0]}`)).json();
  await page.evaluate(
    ({ url, keys: good }) =>
      sessionStorage.setItem(
        'iplb-console.connection',
        JSON.stringify({
          target: 'custom',
          transport: 'proxy',
          customBase: url,
          credentials: { ...good, applicationSecret: 'wrongSecret00000000000000000001' },
        }),
      ),
    { url: direct.url, keys },
  );
  await page.goto('/');
  await expect(page.getByText(/Invalid signature \(request id SBX\.[\w.-]+\)/).first()).toBeVisible();
  const after = await (await signedFetch(direct.url, 'GET', `/ipLoadbalancing/${services[0]}`)).json();
  expect(after).toEqual(before);
});

test('creates a consumer key: validation page on the API, approve, back in the app with the key validated', async ({
  page,
}) => {
  await chooseCustomTarget(page, direct.url);
  await fillKeys(page, { consumerKey: null });
  await page.getByRole('button', { name: 'Create a consumer key' }).click();

  // The sandbox server's validation page.
  await expect(page).toHaveURL(
    new RegExp(`^${direct.url.replace('/1.0', '')}/auth/validate\\?credentialToken=`),
  );
  await expect(page.getByRole('heading', { name: 'Authorize access to the sandbox API' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '/ipLoadbalancing/*' }).first()).toBeVisible();
  await page.getByLabel('Validity').selectOption({ label: '1 hour' });
  await page.getByRole('button', { name: 'Approve' }).click();

  // Back in the app.
  await expect(page).toHaveURL(/\/connection\?validated=1$/);
  await expect(page.getByText('Consumer key validated')).toBeVisible();
  const rules = page.getByRole('table', { name: 'Rights of this consumer key' });
  await expect(rules.getByRole('row')).toHaveCount(9);
  await expect(page.getByText('Validated', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Open the dashboard' }).click();
  await expect(page).toHaveURL(/\/services\/[^/]+\/overview$/);
  await expect(page.getByTestId('api-target')).toHaveText(/^Custom/);
});

test('log out revokes the key and leaves nothing in storage', async ({ page }) => {
  await chooseCustomTarget(page, direct.url);
  await fillKeys(page, { consumerKey: null });
  await page.getByRole('button', { name: 'Create a consumer key' }).click();
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('Consumer key validated')).toBeVisible();
  // Remember it on this device too, so both storages are exercised.
  await page.getByRole('checkbox', { name: /Remember on this device/ }).check();
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page).toHaveURL(/\/services\//);
  expect(await page.evaluate(() => localStorage.getItem('iplb-console.connection'))).toContain(
    keys.applicationSecret,
  );

  await page.goto('/connection');
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/connection\?logged-out=1$/);
  await expect(page.getByRole('status')).toContainText('nothing is kept in this browser');
  await expect(page.getByRole('heading', { name: 'Connected to Sandbox' })).toBeVisible();
  const dump = await storageDump(page);
  for (const value of [keys.applicationKey, keys.applicationSecret, 'iplb-console.connection']) {
    expect(dump).not.toContain(value);
  }
});

test.describe('OVH Europe through the pass-through proxy', () => {
  let upstream: Running;
  let preview: Running;

  test.beforeAll(async () => {
    // An "OVH Europe" that checks signatures over https://eu.api.ovh.com/1.0, behind the app's own proxy.
    upstream = await startSandboxServer(['--signature-base', 'https://eu.api.ovh.com/1.0']);
    const previewPort = await freePort();
    preview = await startProcess(
      join(root, 'node_modules', '.bin', 'vite'),
      [
        'preview',
        '--port',
        String(previewPort),
        '--strictPort',
        '--host',
        '127.0.0.1',
        // a second preview of the same project next to Playwright's webServer
        '--bypass-lock',
        // E2E_DIST: serve another build than dist/ (e.g. when several builds share a work tree)
        ...(process.env.E2E_DIST ? ['--outDir', process.env.E2E_DIST] : []),
      ],
      /(http:\/\/127\.0\.0\.1:\d+)/,
      { IPLB_PROXY_EU: upstream.url },
    );
  });
  test.afterAll(async () => {
    await preview?.stop();
    await upstream?.stop();
  });

  test('signs over eu.api.ovh.com, sends to /ovh/eu/1.0, and every verb goes through', async ({ page }) => {
    const sent: Request[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/ovh/eu/1.0/')) sent.push(request);
    });
    await page.goto(`${preview.url}/connection`);
    await page.getByRole('radio', { name: /OVH Europe/ }).check();
    await expect(page.getByRole('radio', { name: /Through this app's proxy/ })).toBeChecked();
    await fillKeys(page);
    await page.getByRole('button', { name: 'Connect' }).click();

    await expect(page).toHaveURL(/\/services\/[^/]+\/overview$/);
    await expect(page.getByTestId('api-target')).toHaveText('OVH Europe');

    // A write (PUT) through the proxy: rename the load balancer.
    await page.getByRole('button', { name: 'Rename load balancer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rename load balancer' });
    await dialog.getByLabel('Display name').fill('Renamed through the proxy');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Renamed through the proxy' })).toBeVisible();

    expect(sent.every((request) => request.url().startsWith(`${preview.url}/ovh/eu/1.0/`))).toBe(true);
    expect(sent.some((request) => request.method() === 'PUT')).toBe(true);
    const serviceName = decodeURIComponent(/\/services\/([^/]+)\//.exec(page.url())![1]!);
    const stored = await signedFetch(
      upstream.url,
      'GET',
      `/ipLoadbalancing/${serviceName}`,
      'https://eu.api.ovh.com/1.0',
    );
    expect(await stored.json()).toMatchObject({ displayName: 'Renamed through the proxy' });
  });
});
