import { expect, test } from './fixtures';

/**
 * Writes docs/screenshots/frontends-{light,dark}.png. Runs only with SCREENSHOTS=1
 * (`SCREENSHOTS=1 npx playwright test e2e/frontends-screenshots.spec.ts`): CI never depends on it.
 */
test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to refresh the documentation screenshots');

for (const scheme of ['light', 'dark'] as const) {
  test(`frontends page screenshot, ${scheme}`, async ({ app: page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page).toHaveURL(/overview$/);
    await page.goto('/services/loadbalancer-demo-gra/frontends/tcp');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
    const table = page.getByRole('table', { name: 'TCP frontends' });
    await expect(table.getByRole('row')).toHaveCount(3);
    await expect(page.getByRole('navigation', { name: 'Frontend protocol' }).getByRole('link', { name: /^UDP \d/ })).toBeVisible();
    await expect(table.getByRole('link', { name: 'postgres-primary' })).toBeVisible();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `docs/screenshots/frontends-${scheme}.png` });
  });
}
