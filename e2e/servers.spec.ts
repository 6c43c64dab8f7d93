import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

const service = 'loadbalancer-demo-gra';
const serversUrl = (protocol: string) => `/services/${service}/servers/${protocol}`;

test.describe.configure({ timeout: 180_000 });

const cases = [
  { protocol: 'http', label: 'HTTP', total: 10, farmId: 2003, farm: 'static-assets', known: '10.0.1.13', knownName: 'web-03' },
  { protocol: 'tcp', label: 'TCP', total: 3, farmId: 2005, farm: 'smtp-relay', known: '10.0.4.42', knownName: 'pg-standby' },
  { protocol: 'udp', label: 'UDP', total: 2, farmId: 2006, farm: 'dns-resolvers', known: '10.0.6.62', knownName: 'resolver-02' },
] as const;

const rowsOf = (page: Page, label: string) => page.getByRole('table', { name: `${label} servers` }).getByRole('row');

for (const { protocol, label, total, known, knownName } of cases) {
  test(`${label} servers view: search, status filter kept in the URL, farm link, bulk disable`, async ({ app: page }) => {
    await page.goto(serversUrl(protocol));
    await expect(rowsOf(page, label)).toHaveCount(total + 1);
    await expect(page.getByRole('navigation', { name: 'Server protocol' }).getByRole('link', { name: new RegExp(label) })).toHaveAttribute('aria-current', 'page');
    await expectAccessible(page);

    // search by address, then by name
    await page.getByLabel('Filter').fill(known);
    await expect(rowsOf(page, label)).toHaveCount(2);
    await page.getByLabel('Filter').fill(knownName);
    await expect(rowsOf(page, label)).toHaveCount(2);
    await expect(page).toHaveURL(new RegExp(`q=${knownName}`));
    await page.reload();
    await expect(page.getByLabel('Filter')).toHaveValue(knownName);
    await expect(rowsOf(page, label)).toHaveCount(2);

    // disable it from the bulk bar, then filter on inactive servers
    await page.getByRole('checkbox', { name: new RegExp(`^Select ${knownName}`) }).check();
    await page.getByRole('region', { name: 'Bulk actions' }).getByRole('button', { name: 'Disable…' }).click();
    await page.getByRole('dialog', { name: 'Disable 1 server' }).getByRole('button', { name: 'Disable 1 server' }).click();
    const dialog = page.getByRole('dialog', { name: 'Disabled 1 of 1 server' });
    await expect(dialog.getByText(new RegExp(`${knownName}.*: disabled`))).toBeVisible();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByLabel('Filter').fill('');
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'inactive' }).click();
    await expect(page).toHaveURL(/status=inactive/);
    await expect(page.getByRole('row', { name: new RegExp(knownName) })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('inactive');
    const row = page.getByRole('row', { name: new RegExp(knownName) });
    await expect(row.getByRole('switch')).not.toBeChecked();

    // the farm column links to the farm
    await row.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/farms/${protocol}/\\d+$`));
    await expect(page.getByRole('switch', { name: new RegExp(`^Active: ${knownName}`) })).not.toBeChecked();
  });
}

test('HTTP servers view: health filter and the health details on click', async ({ app: page }) => {
  await page.goto(serversUrl('http'));
  await page.getByRole('combobox', { name: 'Health' }).click();
  await page.getByRole('option', { name: 'no probe' }).click();
  await expect(page).toHaveURL(/health=no-probe/);
  await expect(rowsOf(page, 'HTTP')).toHaveCount(3);
  await page.getByRole('button', { name: /Clear filters/ }).click();
  const badge = page.getByRole('button', { name: /^Health of web-03 \(10\.0\.1\.13\): down\. Show details$/ });
  await badge.focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('dialog', { name: 'Last health check' });
  await expect(details.getByText(/load balancer instances see this server down/)).toBeVisible();
  await expect(details.getByText('Connection refused').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
});

for (const { protocol, label, farmId, farm } of cases) {
  test(`${label} add server: bad addresses and ports are refused as typed; an API refusal keeps the form`, async ({ app: page }) => {
    await page.goto(`/services/${service}/farms/${protocol}/${farmId}`);
    await page.getByRole('button', { name: 'Add server' }).first().click();
    const drawer = page.getByRole('dialog', { name: `Add a server to ${farm}` });
    await expectAccessible(page);
    const address = drawer.getByLabel('Address');
    for (const bad of ['abc', '10.0.0.256', '2001:db8::1']) {
      await address.fill(bad);
      await expect(drawer.getByText('Server address must be an IPv4 address such as 203.0.113.10')).toBeVisible();
    }
    await address.fill('127.0.0.1');
    await expect(drawer.getByText('Server address 127.0.0.1 is a loopback address and cannot be used')).toBeVisible();
    const port = drawer.getByLabel('Port', { exact: true });
    for (const typed of ['0', '70000']) {
      await port.fill(typed);
      await expect(drawer.getByText('Port must be a whole number from 1 to 49151')).toBeVisible();
    }
    if (protocol !== 'udp') {
      // typed as is: never clamped to 1 behind the user's back
      const weight = drawer.getByLabel('Weight');
      for (const typed of ['-1', '1.5']) {
        await weight.fill(typed);
        await expect(weight).toHaveValue(typed);
        await expect(drawer.getByText('Weight must be a whole number from 0 to 256')).toBeVisible();
      }
      await weight.fill('1');
    }
    await drawer.getByRole('button', { name: 'Add server' }).click();
    await expect(drawer).toBeVisible();

    await address.fill('10.20.30.40');
    await port.fill('8443');
    await drawer.getByLabel('Name', { exact: true }).fill('kept after refusal');
    // the farm disappears meanwhile (another session): the API refuses the server
    await page.evaluate(async ({ base, id }) => {
      // detach what uses the farm, then delete it
      const frontends = (await (await fetch(`${base}/frontend?defaultFarmId=${id}`)).json()) as number[];
      for (const frontendId of frontends) {
        const frontend = await (await fetch(`${base}/frontend/${frontendId}`)).json();
        await fetch(`${base}/frontend/${frontendId}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...frontend, defaultFarmId: null }) });
      }
      if (!base.endsWith('/udp')) {
        const routeIds = (await (await fetch(`${base}/route`)).json()) as number[];
        for (const routeId of routeIds) {
          const route = await (await fetch(`${base}/route/${routeId}`)).json();
          if (route.action.target === String(id)) await fetch(`${base}/route/${routeId}`, { method: 'DELETE' });
        }
      }
      await fetch(`${base}/farm/${id}`, { method: 'DELETE' });
    }, { base: `/sandbox/1.0/ipLoadbalancing/${service}/${protocol}`, id: farmId });
    await drawer.getByRole('button', { name: 'Add server' }).click();
    await expect(drawer.getByRole('alert').filter({ hasText: /does not exist.*request id/ })).toBeVisible();
    await expect(address).toHaveValue('10.20.30.40');
    await expect(port).toHaveValue('8443');
    await expect(drawer.getByLabel('Name', { exact: true })).toHaveValue('kept after refusal');
  });
}
