import { createTestCertificate } from '../src/lib/pem/test-certificates';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

/** Axe scan once notifications are gone (text fading in or out has no stable contrast) and nothing is hovered. */
async function scan(page: Page) {
  await page.mouse.move(0, 0);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await expectAccessible(page);
}

const service = 'loadbalancer-demo-gra';

/** The certificates table fits the 1440 px window: no horizontal scrolling, row actions fully on screen. */
async function expectTableFits(page: Page) {
  const scroll = page.getByTestId('data-table-scroll');
  const sizes = await scroll.evaluate((element) => ({
    scrollWidth: element.scrollWidth,
    clientWidth: element.clientWidth,
    pageWidth: document.documentElement.scrollWidth,
    windowWidth: window.innerWidth,
  }));
  expect(sizes.scrollWidth).toBeLessThanOrEqual(sizes.clientWidth);
  expect(sizes.pageWidth).toBeLessThanOrEqual(sizes.windowWidth);
  for (const actions of await page.getByRole('button', { name: /^Actions for / }).all()) {
    const box = (await actions.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(sizes.windowWidth);
  }
}

test('lists certificates with expiry and users, keeps filters in the URL, and shows details', async ({
  app: page,
}) => {
  await page.goto(`/services/${service}/certificates`);
  const table = page.getByRole('table', { name: 'Certificates' });
  await expect(table.getByRole('row')).toHaveCount(4);
  // managed (built) and expiring in 18 days: OVHcloud renews it, so no warning
  await expect(table.getByRole('row', { name: /api \(Let's Encrypt\)/ })).toContainText('Renewed automatically');
  await expect(page.getByRole('radio', { name: 'Expiring soon (0)' })).toBeAttached();
  await expect(page.getByText('Expiring soon', { exact: true })).toHaveCount(0);
  // the first alternative name and "+N more", the whole list on keyboard focus
  const shop = table.getByRole('row', { name: /Shop \(Sectigo\)/ });
  await expect(shop).toContainText('shop.example.com+1 more');
  await shop.getByRole('button', { name: /^1 more alternative names of Shop/ }).focus();
  await expect(page.getByRole('tooltip')).toHaveText('shop.example.com, www.shop.example.com');
  await expectTableFits(page);
  await page.getByRole('textbox', { name: 'Filter certificates' }).focus();
  await page.mouse.move(0, 0);
  await scan(page);

  await page.getByRole('textbox', { name: 'Filter certificates' }).fill('wildcard');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(page).toHaveURL(/q=wildcard/);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Filter certificates' })).toHaveValue('wildcard');
  await expect(table.getByRole('row')).toHaveCount(2);

  await table.getByRole('button', { name: 'Details of Wildcard' }).click();
  const drawer = page.getByRole('dialog', { name: 'Certificate Wildcard' });
  await expect(drawer.getByRole('table', { name: 'Certificate details' })).toContainText(
    '*.example.com, example.com',
  );
  await expect(page).toHaveURL(/certificate=\d+/);
});

test('uploads a certificate generated on the spot, and refuses text that is not PEM in the form', async ({
  app: page,
}) => {
  const pair = await createTestCertificate({
    commonName: 'e2e.example.org',
    san: ['e2e.example.org', 'www.e2e.example.org', 'checkout-payments-eu-west-1.customers.e2e.example.org'],
    withChain: true,
  });
  await page.goto(`/services/${service}/certificates`);
  await page.getByRole('button', { name: 'Upload certificate' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Upload certificate' });

  // not PEM: refused in the form, Upload disabled
  await dialog.getByRole('textbox', { name: /^Certificate/ }).fill('hello, I am not a certificate');
  await expect(dialog.getByText(/The certificate must be in PEM format/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Upload' })).toBeDisabled();

  await dialog.getByRole('textbox', { name: /^Name/ }).fill('E2E upload');
  await dialog.getByRole('textbox', { name: /^Certificate/ }).fill(pair.certificatePem);
  await dialog.getByRole('textbox', { name: /^Private key/ }).fill(pair.keyPem);
  await dialog.getByRole('textbox', { name: /^Chain/ }).fill(pair.chainPem!);
  const preview = dialog.getByRole('region', { name: 'Certificate read from the PEM text' });
  await expect(preview).toContainText('e2e.example.org, www.e2e.example.org');
  await expect(preview).toContainText('matches the certificate');
  await expect(preview).toContainText(/8[89] days left|90 days left/);
  await page.mouse.move(0, 0);
  await dialog.getByRole('button', { name: 'Upload' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('table', { name: 'Certificates' }).getByRole('row', { name: /E2E upload/ });
  await expect(row).toContainText(/days left/);
  await expect(row).toContainText('e2e.example.org+2 more');
  const drawer = page.getByRole('dialog', { name: 'Certificate E2E upload' });
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText('checkout-payments-eu-west-1.customers.e2e.example.org');
  await expectTableFits(page);
});

test('orders a free certificate and sees it appear when its task is done', async ({ app: page }) => {
  await page.goto(`/services/${service}/certificates`);
  await page.getByRole('button', { name: 'Order free certificate' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Order a free certificate' });
  const names = dialog.getByRole('textbox', { name: 'Domain names' });
  await names.fill('*.example.com');
  await names.press('Enter');
  await expect(dialog.getByText(/cannot be wildcards/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove *.example.com' }).click();
  await names.fill('fresh.example.com');
  await names.press('Enter');
  await dialog.getByRole('button', { name: 'Order certificate' }).click();
  await expect(dialog).toBeHidden();

  const panel = page.getByRole('region', { name: 'Task panel' });
  await expect(panel.getByText('Order free certificate')).toBeVisible();
  await scan(page);
  await expect(panel.getByText('Done')).toBeVisible({ timeout: 30_000 });
  const table = page.getByRole('table', { name: 'Certificates' });
  // a managed certificate: OVHcloud renews it
  await expect(table.getByRole('row', { name: /fresh\.example\.com/ })).toContainText('Renewed automatically');
});

test.describe('documentation screenshots', () => {
  test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to refresh docs/screenshots');
  for (const scheme of ['light', 'dark'] as const) {
    test(`certificates, ${scheme}`, async ({ app: page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`/services/${service}/certificates`);
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
      await expect(page.getByRole('table', { name: 'Certificates' }).getByRole('row')).toHaveCount(4);
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `docs/screenshots/certificates-${scheme}.png` });

      const pair = await createTestCertificate({
        commonName: 'docs.example.org',
        san: ['docs.example.org', 'www.docs.example.org'],
        withChain: true,
      });
      await page.getByRole('button', { name: 'Upload certificate' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Upload certificate' });
      await dialog.getByRole('textbox', { name: /^Name/ }).fill('Docs site');
      await dialog.getByRole('textbox', { name: /^Certificate/ }).fill(pair.certificatePem);
      await dialog.getByRole('textbox', { name: /^Private key/ }).fill(pair.keyPem);
      await dialog.getByRole('textbox', { name: /^Chain/ }).fill(pair.chainPem!);
      await expect(dialog.getByRole('region', { name: 'Certificate read from the PEM text' })).toContainText(
        'matches the certificate',
      );
      await page.screenshot({ path: `docs/screenshots/certificates-upload-${scheme}.png` });
    });
  }
});
