import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

const pendingCount = async (page: Page) => {
  const badge = page.getByTestId('pending-changes');
  await expect(badge).toHaveText(/\d+ pending/i);
  return Number(/\d+/.exec((await badge.textContent()) ?? '')?.[0]);
};

const service = 'loadbalancer-demo-gra';
const frontendsUrl = (protocol: string) => `/services/${service}/frontends/${protocol}`;

async function openFrontends(page: Page, protocol: string) {
  await page.goto(frontendsUrl(protocol));
  await expect(page.getByRole('table', { name: `${protocol.toUpperCase()} frontends` })).toBeVisible();
}

async function chooseOption(page: Page, label: RegExp, option: RegExp) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

/** A call from "another client" to the same sandbox (the page's sandbox answers it). */
async function sandboxCall(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(`/sandbox/1.0/ipLoadbalancing/${path}`, {
        method,
        headers: body ? { 'Content-Type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : null,
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
    },
    { method, path, body },
  );
}

const cases = [
  { protocol: 'http', farm: /^shop-api/, farmName: 'shop-api', port: '8081', edited: '8081-8083' },
  { protocol: 'tcp', farm: /^postgres-primary/, farmName: 'postgres-primary', port: '6000', edited: '6000,6001' },
  { protocol: 'udp', farm: /^dns-resolvers/, farmName: 'dns-resolvers', port: '5353', edited: '5354' },
] as const;

for (const { protocol, farm, farmName, port, edited } of cases) {
  test(`${protocol.toUpperCase()} frontend: create, edit, disable, delete — and a reload shows the same each time`, async ({ app: page }) => {
    await expect(page).toHaveURL(/overview$/);
    // a missing protocol goes to HTTP
    await page.goto(`/services/${service}/frontends`);
    await expect(page).toHaveURL(new RegExp(`${frontendsUrl('http')}$`));
    await openFrontends(page, protocol);
    await expectAccessible(page);
    const label = protocol.toUpperCase();
    const tab = page.getByRole('navigation', { name: 'Frontend protocol' }).getByRole('link', { name: new RegExp(`^${label}`) });
    await expect(tab).toHaveText(new RegExp(`^${label}\\d+$`));
    const countBefore = Number((await tab.textContent())?.replace(/\D/g, ''));
    const pendingBefore = await pendingCount(page);
    const table = page.getByRole('table', { name: `${label} frontends` });
    const name = `e2e-${protocol}`;

    // create
    await page.getByRole('button', { name: `New ${label} frontend` }).click();
    const drawer = page.getByRole('dialog', { name: `New ${label} frontend` });
    await drawer.getByLabel('Name').fill(name);
    await expect(drawer.getByRole('combobox', { name: /^Zone/ })).toHaveValue('gra');
    await drawer.getByLabel('Port(s)').fill(port);
    await expect(drawer.getByText(`Listens on ${port} (1 port)`)).toBeVisible();
    await chooseOption(page, /^Default farm/, farm);
    await expectAccessible(page, { include: '[role="dialog"]' });
    await drawer.getByRole('button', { name: 'Create frontend' }).click();
    await expect(drawer).toBeHidden();
    await expect(page.getByText(`Frontend ${name} created`)).toBeVisible();
    const row = table.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText(port);
    await expect(row.getByRole('link', { name: farmName })).toHaveAttribute('href', new RegExp(`/services/${service}/farms/${protocol}/\\d+$`));
    await expect(tab).toHaveText(`${label}${countBefore + 1}`);
    // the header's pending changes counter follows every write
    await expect.poll(() => pendingCount(page)).toBeGreaterThan(pendingBefore);
    await page.reload();
    await expect(row).toContainText(port);

    // edit
    await row.getByRole('button', { name: `Edit ${name}` }).click();
    const editor = page.getByRole('dialog', { name: `Edit ${label} frontend ${name}` });
    await expect(editor.getByLabel('Port(s)')).toHaveValue(port);
    await editor.getByLabel('Port(s)').fill(edited);
    await editor.getByLabel('Name').fill(`${name}-edited`);
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor).toBeHidden();
    const editedRow = table.getByRole('row', { name: new RegExp(`${name}-edited`) });
    await expect(editedRow).toContainText(edited);
    await page.reload();
    await expect(editedRow).toContainText(edited);

    // disable at once from the row
    const toggle = editedRow.getByRole('switch', { name: `Enabled: ${name}-edited` });
    await expect(toggle).toBeChecked();
    await toggle.click({ force: true });
    await expect(toggle).not.toBeChecked();
    await expect(editedRow).toContainText('Disabled');
    await expect(page.getByText(`Frontend ${name}-edited disabled`)).toBeVisible();
    await page.reload();
    await expect(editedRow.getByRole('switch', { name: `Enabled: ${name}-edited` })).not.toBeChecked();

    // delete with confirmation
    await editedRow.getByRole('button', { name: `Delete ${name}-edited` }).click();
    const confirm = page.getByRole('dialog', { name: `Delete frontend ${name}-edited?` });
    await expect(confirm).toContainText(`listening on port ${edited}`);
    if (protocol !== 'udp') await expect(confirm.getByText('No route is attached to it.')).toBeVisible();
    await confirm.getByRole('button', { name: `Delete ${name}-edited` }).click();
    await expect(confirm).toBeHidden();
    await expect(editedRow).toHaveCount(0);
    await expect(tab).toHaveText(`${label}${countBefore}`);
    await page.reload();
    await expect(table).toBeVisible();
    await expect(table.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);
    await expectAccessible(page);
  });
}

test('refuses bad input as it is typed, and shows an API refusal without losing the form', async ({ app: page }) => {
  await expect(page).toHaveURL(/overview$/);
  await openFrontends(page, 'http');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'New HTTP frontend' }).click();
  const drawer = page.getByRole('dialog', { name: 'New HTTP frontend' });
  const ports = drawer.getByLabel('Port(s)');

  for (const [spec, message] of [
    ['70000', 'Port 70000 is out of range: ports must be between 1 and 49151'],
    ['90-80', 'Invalid port range "90-80": the first port must be lower than the last one'],
    ['80,,443', 'Invalid port list "80,,443": empty item'],
    ['https', 'Invalid port "https": ports are whole numbers'],
  ] as const) {
    await ports.fill(spec);
    await expect(drawer.getByText(message)).toBeVisible();
    await expect(ports).toHaveAttribute('aria-invalid', 'true');
  }
  await ports.fill('80, 443, 8000-8080');
  await expect(drawer.getByText('Listens on 80, 443, 8000–8080 (83 ports)')).toBeVisible();

  // a CIDR that is not the start of its block is kept and flagged, and the deny-list is then locked
  await drawer.getByLabel('Allowed sources').fill('10.0.0.5/8');
  await drawer.getByLabel('Allowed sources').press('Enter');
  await expect(drawer.getByText('Allowed source "10.0.0.5/8" is not the start of its block: did you mean 10.0.0.0/8?')).toBeVisible();
  await expect(drawer.getByLabel('Denied sources')).toBeDisabled();
  await drawer.getByRole('button', { name: 'Create frontend' }).click();
  await expect(drawer).toBeVisible();
  await drawer.getByRole('button', { name: 'Remove 10.0.0.5/8' }).click();
  await drawer.getByLabel('Allowed sources').fill('10.0.0.0/8');
  await drawer.getByLabel('Allowed sources').press('Enter');
  await expect(drawer.getByText(/is not the start of its block/)).toBeHidden();

  // a farm that another client deletes while the form is open: the API refuses, nothing typed is lost
  const created = await sandboxCall(page, 'POST', `${service}/http/farm`, { zone: 'gra', displayName: 'short-lived' });
  expect(created.status).toBe(200);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await page.getByRole('button', { name: 'New HTTP frontend' }).click();
  await drawer.getByLabel('Name').fill('promo');
  await drawer.getByLabel('Port(s)').fill('8090');
  await chooseOption(page, /^Default farm/, /^short-lived/);
  const deleted = await sandboxCall(page, 'DELETE', `${service}/http/farm/${String(created.body?.farmId)}`);
  expect(deleted.status).toBe(200);
  await drawer.getByRole('button', { name: 'Create frontend' }).click();
  const refusal = drawer.getByRole('alert', { name: 'The API refused the change' });
  await expect(refusal).toContainText(new RegExp(`Default farm ${String(created.body?.farmId)} does not exist \\(request id [\\w.-]+\\)`));
  await expect(drawer.getByLabel('Name')).toHaveValue('promo');
  await expect(drawer.getByLabel('Port(s)')).toHaveValue('8090');
  await expectAccessible(page, { include: '[role="dialog"]' });
});
