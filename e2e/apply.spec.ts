import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

/** Axe scan once notifications are gone (text fading in or out has no stable contrast) and nothing is hovered. */
async function scan(page: Page) {
  await page.mouse.move(0, 0);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await expectAccessible(page);
}

const service = 'loadbalancer-demo-gra';

test('a change shows in the header, Apply runs it with live progress, and the count goes back to 0', async ({
  app: page,
}) => {
  await page.goto(`/services/${service}/farms/http/2001`);
  const badge = page.getByTestId('pending-changes');
  await expect(badge).toHaveText('0 pending');
  await expect(page.getByRole('button', { name: 'Apply', exact: true })).toBeDisabled();

  // a real UI write: edit a farm
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('dialog', { name: /^Edit / });
  await edit.getByLabel('Name', { exact: true }).fill('shop-web-v2');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(badge).toHaveText('1 pending');

  // per-zone breakdown
  await badge.click();
  const breakdown = page.getByRole('table', { name: 'Pending changes per zone' });
  await expect(breakdown.getByRole('row', { name: 'gra 1' })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Apply configuration' });
  await expect(dialog.getByRole('checkbox', { name: 'gra — 1 change' })).toBeChecked();
  // the write made above is previewed, labelled as made from this browser
  await expect(dialog.getByRole('list', { name: 'Changes made from this browser (1)' })).toContainText(
    'HTTP farm shop-web-v2 updated',
  );
  await expectAccessible(page, { include: '[role="dialog"]' });
  // the only zone of the service: one POST /refresh without zone
  await dialog.getByRole('button', { name: 'Apply gra', exact: true }).click();
  await expect(dialog).toBeHidden();

  const panel = page.getByRole('region', { name: 'Task panel' });
  await expect(panel).toBeVisible();
  await expect(panel.getByText('Apply configuration')).toBeVisible();
  const progress = panel.getByRole('progressbar', { name: 'Apply configuration progress' });
  // progress rises while it runs
  await expect
    .poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 15_000 })
    .toBeGreaterThan(0);
  const first = Number(await progress.getAttribute('aria-valuenow'));
  await expect
    .poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 15_000 })
    .toBeGreaterThan(first);

  await expect(panel.getByText('Done')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Apply configuration: done')).toBeVisible();
  await expect(badge).toHaveText('0 pending');
  // applied: no longer listed
  expect(await page.evaluate(() => sessionStorage.getItem('iplb-console:change-journal'))).toBe('[]');
  await scan(page);
});

test('a zone with an apply already running cannot be applied again, and the dialog says why', async ({
  app: page,
}) => {
  const multi = 'loadbalancer-demo-multi';
  await page.goto(`/services/${multi}/overview`);
  const badge = page.getByTestId('pending-changes');
  await expect(badge).toHaveText('3 pending');
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  let dialog = page.getByRole('dialog', { name: 'Apply configuration' });
  await dialog.getByRole('checkbox', { name: /sbg/ }).uncheck();
  await dialog.getByRole('button', { name: 'Apply rbx', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Task panel' }).getByText('Zones: rbx')).toBeVisible();

  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  dialog = page.getByRole('dialog', { name: 'Apply configuration' });
  await expect(dialog.getByRole('checkbox', { name: /rbx/ })).toBeDisabled();
  await expect(
    dialog.getByText(/An apply of this zone is already (waiting to start|running) \(task \d+\)/),
  ).toBeVisible();
  await expect(dialog.getByText(/not "all zones": rbx is already being applied/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Apply sbg', exact: true })).toBeEnabled();
});

test.describe('documentation screenshots', () => {
  test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to refresh docs/screenshots');
  for (const scheme of ['light', 'dark'] as const) {
    test(`apply dialog and task panel, ${scheme}`, async ({ app: page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/services/loadbalancer-demo-multi/overview');
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
      await expect(page.getByTestId('pending-changes')).toHaveText('3 pending');
      await page.getByRole('button', { name: 'Apply', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Apply configuration' });
      await expect(dialog.getByRole('checkbox', { name: /rbx/ })).toBeChecked();
      await page.screenshot({ path: `docs/screenshots/apply-dialog-${scheme}.png` });
      await dialog.getByRole('button', { name: 'Apply all 2 zones' }).click();
      const progress = page
        .getByRole('region', { name: 'Task panel' })
        .getByRole('progressbar', { name: 'Apply configuration progress' });
      await expect
        .poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 15_000 })
        .toBeGreaterThan(30);
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `docs/screenshots/apply-progress-${scheme}.png` });
    });
  }
});
