import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

/** Axe scan once notifications are gone (text fading in or out has no stable contrast) and nothing is hovered. */
async function scan(page: Page) {
  await page.mouse.move(0, 0);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await expectAccessible(page);
}

const service = 'loadbalancer-demo-gra';

test('the tasks page lists, filters (in the URL) and details tasks', async ({ app: page }) => {
  await page.goto(`/services/${service}/tasks`);
  const table = page.getByRole('table', { name: 'Tasks' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await scan(page);

  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Failed' }).click();
  await expect(page).toHaveURL(/status=error/);
  await expect(page.getByText('No task matches these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(table.getByRole('row')).toHaveCount(4);
  await page.mouse.move(0, 0); // no row under the pointer (hover colours) during the scan

  await table
    .getByRole('button', { name: /Details of task/ })
    .first()
    .click();
  await expect(page.getByRole('table', { name: /^Task \d+ details$/ })).toBeVisible();
  await expect(page).toHaveURL(/task=\d+/);
  await scan(page);
});

test('a task running when the app starts is picked up again after a reload', async ({ app: page }) => {
  await page.goto(`/services/loadbalancer-demo-multi/overview`);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Apply configuration' })
    .getByRole('button', { name: 'Apply all 2 zones' })
    .click();
  await expect(page.getByRole('region', { name: 'Task panel' })).toBeVisible();
  await page.reload();
  const panel = page.getByRole('region', { name: 'Task panel' });
  await expect(panel).toBeVisible();
  await expect(panel.getByText('Zones: rbx, sbg')).toBeVisible();
  await expect(panel.getByText('Done')).toBeVisible({ timeout: 20_000 });
});

test.describe('documentation screenshots', () => {
  test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to refresh docs/screenshots');
  for (const scheme of ['light', 'dark'] as const) {
    test(`tasks page, ${scheme}`, async ({ app: page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/services/loadbalancer-demo-multi/tasks');
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
      await page.getByRole('button', { name: 'Apply', exact: true }).click();
      await page
        .getByRole('dialog', { name: 'Apply configuration' })
        .getByRole('button', { name: 'Apply all 2 zones' })
        .click();
      const table = page.getByRole('table', { name: 'Tasks' });
      await expect(table.getByRole('row')).toHaveCount(5);
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `docs/screenshots/tasks-${scheme}.png` });
    });
  }
});
