import { expect, expectAccessible, test } from './fixtures';

test('opens on the sandbox with the demo load balancers and keeps changes across a reload', async ({ app: page }) => {
  await expect(page.getByTestId('api-target')).toHaveText('Sandbox');
  await expect(page).toHaveURL(/\/services\/[^/]+\/overview$/);
  await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
  await expectAccessible(page);

  // both demo services are offered by the picker
  await page.getByRole('combobox', { name: 'Load balancer' }).click();
  const options = page.getByRole('option');
  await expect(options).toHaveCount(2);
  await options.nth(1).click();
  await expect(page).toHaveURL(/\/services\/[^/]+\/overview$/);
  const serviceUrl = page.url();

  // rename it, reload, and the new name is still there
  await page.getByRole('button', { name: 'Rename load balancer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename load balancer' });
  await dialog.getByLabel('Display name').fill('Checkout EU');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Checkout EU' })).toBeVisible();
  await page.reload();
  expect(page.url()).toBe(serviceUrl);
  await expect(page.getByRole('heading', { level: 2, name: 'Checkout EU' })).toBeVisible();
});

test('shows a not-found page for an unknown address', async ({ app: page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('switches between light and dark schemes', async ({ app: page }) => {
  await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
  const html = page.locator('html');
  const before = await html.getAttribute('data-mantine-color-scheme');
  await page.getByRole('button', { name: /Switch to (dark|light) mode/ }).click();
  await expect(html).not.toHaveAttribute('data-mantine-color-scheme', before ?? '');
});

test('an unknown load balancer gets a page that says so and leads back', async ({ app: page }) => {
  await expect(page).toHaveURL(/overview$/);
  await page.goto('/services/no-such-lb/frontends/http');
  await expect(page.getByRole('heading', { name: 'No load balancer named “no-such-lb”' })).toBeVisible();
  await page.getByRole('link', { name: 'Open my first load balancer' }).click();
  await expect(page).toHaveURL(/\/services\/loadbalancer-demo-gra\/overview$/);
});

test('starts without console warnings or errors', async ({ page }) => {
  const messages: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') messages.push(message.text());
  });
  await page.goto('/services/loadbalancer-demo-gra/farms/http');
  await expect(page.getByRole('heading', { name: 'Farms' })).toBeVisible();
  expect(messages).toEqual([]);
});

test('on a narrow screen the navigation folds behind a menu button', async ({ app: page }) => {
  await page.setViewportSize({ width: 800, height: 900 });
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  await page.getByRole('button', { name: 'Toggle navigation' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Farms' }).click();
  await expect(page).toHaveURL(/\/farms\/http$/);
});

test('the overview tiles lead to their lists, and an empty load balancer says what to do first', async ({ page }) => {
  await page.goto('/?sandbox=demo');
  await page.getByRole('link', { name: /Farms status/ }).click();
  await expect(page).toHaveURL(/\/services\/loadbalancer-demo-gra\/farms\/http$/);
  await page.goto('/?sandbox=empty');
  await expect(page.getByRole('link', { name: /Frontends status/ })).toContainText('Create one');
});
