import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The whole loop of an operator, per protocol: a farm with two servers, a frontend pointing at it,
 * edits, a disabled server, a bulk change, then deletes with their confirmations — checking what the
 * user sees after each step and that a reload shows the same.
 */
const service = 'loadbalancer-demo-gra';
const cases = [
  { protocol: 'http', label: 'HTTP', farmPort: '8090', frontendPort: '8443', editedPort: '8443,8444' },
  { protocol: 'tcp', label: 'TCP', farmPort: '9090', frontendPort: '9443', editedPort: '9443-9445' },
  { protocol: 'udp', label: 'UDP', farmPort: '6060', frontendPort: '6061', editedPort: '6062' },
] as const;

test.describe.configure({ timeout: 240_000 });

async function addServer(page: Page, address: string, name: string) {
  await page.getByRole('button', { name: 'Add server' }).first().click();
  const drawer = page.getByRole('dialog', { name: /Add a server to/ });
  await drawer.getByLabel('Address').fill(address);
  await drawer.getByLabel('Name', { exact: true }).fill(name);
  await drawer.getByRole('button', { name: 'Add server' }).click();
  await expect(drawer).toBeHidden();
}

const row = (scope: Page | Locator, text: string) =>
  scope.getByRole('row', { name: new RegExp(text.replace(/[.]/g, '\\.')) });

for (const { protocol, label, farmPort, frontendPort, editedPort } of cases) {
  test(`${label}: farm, two servers, a frontend on it, edits, bulk change, deletes — all kept across reloads`, async ({
    app: page,
  }) => {
    const farmName = `loop-${protocol}-farm`;
    const frontendName = `loop-${protocol}-front`;
    await expect(page).toHaveURL(/overview$/);

    // a farm
    await page.goto(`/services/${service}/farms/${protocol}`);
    await page.getByRole('button', { name: `New ${label} farm` }).click();
    const newFarm = page.getByRole('dialog', { name: `New ${label} farm` });
    await newFarm.getByLabel('Name', { exact: true }).fill(farmName);
    await newFarm.getByRole('textbox', { name: /^Port/ }).fill(farmPort);
    await newFarm.getByRole('button', { name: 'Create farm' }).click();
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${farmName}`) })).toBeVisible();
    const farmUrl = page.url();

    // two servers
    await addServer(page, '10.20.0.1', `${protocol}-one`);
    await addServer(page, '10.20.0.2', `${protocol}-two`);
    await expect(page.getByRole('heading', { name: 'Servers (2)' })).toBeVisible();

    // a frontend pointing at it
    await page.goto(`/services/${service}/frontends/${protocol}`);
    await page.getByRole('button', { name: `New ${label} frontend` }).click();
    const newFrontend = page.getByRole('dialog', { name: `New ${label} frontend` });
    await newFrontend.getByLabel('Name').fill(frontendName);
    await newFrontend.getByLabel('Port(s)').fill(frontendPort);
    await newFrontend.getByRole('combobox', { name: /^Default farm/ }).click();
    await page.getByRole('option', { name: new RegExp(`^${farmName}`) }).click();
    await newFrontend.getByRole('button', { name: 'Create frontend' }).click();
    await expect(newFrontend).toBeHidden();
    const frontends = page.getByRole('table', { name: `${label} frontends` });
    await expect(row(frontends, frontendName).getByRole('link', { name: farmName })).toBeVisible();

    // edit it
    await row(frontends, frontendName).getByRole('button', { name: `Edit ${frontendName}` }).click();
    const editFrontend = page.getByRole('dialog', { name: `Edit ${label} frontend ${frontendName}` });
    await editFrontend.getByLabel('Port(s)').fill(editedPort);
    await editFrontend.getByRole('button', { name: 'Save' }).click();
    await expect(editFrontend).toBeHidden();
    await expect(row(frontends, frontendName)).toContainText(editedPort);
    await page.reload();
    await expect(row(frontends, frontendName)).toContainText(editedPort);

    // the farm page names its user; disable a server; bulk change
    await row(frontends, frontendName).getByRole('link', { name: farmName }).click();
    await expect(page).toHaveURL(farmUrl);
    await expect(page.getByRole('region', { name: 'Used by' })).toContainText(frontendName);
    const one = page.getByRole('switch', { name: `Active: ${protocol}-one (10.20.0.1)` });
    await one.click();
    await expect(one).not.toBeChecked();
    await page.getByRole('checkbox', { name: /Select all/ }).check();
    const bar = page.getByRole('region', { name: 'Bulk actions' });
    if (protocol === 'udp') {
      await bar.getByRole('button', { name: 'Enable…' }).click();
      await page.getByRole('dialog', { name: 'Enable 2 servers' }).getByRole('button', { name: 'Enable 2 servers' }).click();
      await page.getByRole('dialog', { name: 'Enabled 2 of 2 servers' }).getByRole('button', { name: 'Done' }).click();
    } else {
      await bar.getByRole('button', { name: 'Set weight…' }).click();
      const weight = page.getByRole('dialog', { name: 'Set weight of 2 servers' });
      await weight.getByLabel('New weight').fill('12');
      await weight.getByRole('button', { name: 'Set weight of 2 servers' }).click();
      await page.getByRole('dialog', { name: 'Set weight of 2 of 2 servers' }).getByRole('button', { name: 'Done' }).click();
    }
    const checkServers = async () => {
      if (protocol === 'udp') {
        await expect(page.getByRole('switch', { name: `Active: ${protocol}-one (10.20.0.1)` })).toBeChecked();
      } else {
        await expect(page.getByRole('switch', { name: `Active: ${protocol}-one (10.20.0.1)` })).not.toBeChecked();
        for (const address of ['10.20.0.1', '10.20.0.2'])
          await expect(row(page, address).getByRole('cell', { name: '12', exact: true })).toBeVisible();
      }
    };
    await checkServers();
    await page.reload();
    await checkServers();

    // the farm cannot go while the frontend uses it: the confirmation says so
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const blocked = page.getByRole('dialog', { name: `Delete farm ${farmName}?` });
    await expect(blocked).toContainText(frontendName);
    await expect(blocked.getByRole('button', { name: 'Delete farm' })).toBeDisabled();
    await blocked.getByRole('button', { name: 'Cancel' }).click();

    // delete the frontend, then the farm
    await page.goto(`/services/${service}/frontends/${protocol}`);
    await row(frontends, frontendName).getByRole('button', { name: `Delete ${frontendName}` }).click();
    const deleteFrontend = page.getByRole('dialog', { name: `Delete frontend ${frontendName}?` });
    await deleteFrontend.getByRole('button', { name: `Delete ${frontendName}` }).click();
    await expect(row(frontends, frontendName)).toHaveCount(0);

    await page.goto(farmUrl);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const deleteFarm = page.getByRole('dialog', { name: `Delete farm ${farmName}?` });
    await expect(deleteFarm.getByText('No frontend or route uses this farm.')).toBeVisible();
    await expect(deleteFarm.getByText(/Its 2 servers are deleted with it/)).toBeVisible();
    await deleteFarm.getByRole('button', { name: 'Delete farm' }).click();
    await expect(page).toHaveURL(new RegExp(`/farms/${protocol}$`));
    const farms = page.getByRole('table', { name: `${label} farms` });
    await expect(farms).toBeVisible();
    await expect(row(farms, farmName)).toHaveCount(0);
    await page.reload();
    await expect(farms).toBeVisible();
    await expect(row(farms, farmName)).toHaveCount(0);
  });
}
