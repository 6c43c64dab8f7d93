import { expect, expectAccessible, test } from './fixtures';

const pages = ['overview', 'frontends/http', 'farms/http', 'farms/http/2001', 'servers/http', 'certificates', 'tasks'];

for (const scheme of ['light', 'dark'] as const) {
  test(`every page passes an accessibility scan in ${scheme} mode, with changes pending`, async ({ app: page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/services/loadbalancer-demo-gra/frontends/tcp');
    await page.getByRole('switch').first().click();
    await expect(page.getByTestId('pending-changes')).toHaveText(/1 pending/i);
    for (const path of pages) {
      await page.goto(`/services/loadbalancer-demo-gra/${path}`);
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await expect(page.getByTestId('pending-changes')).toHaveText(/1 pending/i);
      await expectAccessible(page);
    }
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`a notification with a title and a description is readable in ${scheme} mode`, async ({ app: page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/services/loadbalancer-demo-gra/frontends/tcp');
    await page.getByRole('switch').first().click();
    await expect(page.locator('.mantine-Notification-root')).toHaveCount(1);
    await expectAccessible(page, { include: '.mantine-Notification-root' });
  });
}
