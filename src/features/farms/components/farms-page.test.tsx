import { screen, waitFor, within } from '@testing-library/react';
import { FarmsPage } from '@/features/farms/components/farms-page';
import type { Protocol } from '@/lib/iplb/protocol';
import { callSandbox } from '@/sandbox/testing/call';
import { renderWithProviders } from '@/testing/render';
import { useTestSandbox } from '@/testing/sandbox-server';

const serviceName = 'loadbalancer-demo-gra';

function renderPage(protocol: Protocol = 'http', service = serviceName) {
  return renderWithProviders(<FarmsPage serviceName={service} protocol={protocol} />, {
    route: `/services/${service}/farms/${protocol}`,
    path: '/services/:serviceName/farms/:protocol',
  });
}

const rowOf = (name: string) => screen.getByRole('row', { name: new RegExp(`^${name}`) });

describe('FarmsPage', () => {
  const context = useTestSandbox();

  it('says in words what each server health is, not only how many are up', async () => {
    renderPage();
    await screen.findByRole('link', { name: 'shop-api' }, { timeout: 5000 });
    await waitFor(() => expect(within(rowOf('shop-api')).getByText('3 up')).toBeInTheDocument(), { timeout: 5000 });
    // 5 servers: 2 up, 1 down, 1 flapping (up or down by the clock), 1 disabled (unknown)
    expect(rowOf('shop-web')).toHaveTextContent(/[23] up · [12] down · 1 unknown/);
    expect(within(rowOf('shop-web')).getByText(/^[12] down$/)).toBeInTheDocument();
    expect(within(rowOf('static-assets')).getByText('2 no probe')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Filter' })).toBeInTheDocument();
  });

  it('has a row menu: Edit opens the farm form, Delete names what uses the farm and refuses while it is used', async () => {
    const { user } = renderPage();
    await screen.findByRole('link', { name: 'static-assets' }, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Actions for shop-api' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Edit' }));
    expect(await screen.findByRole('dialog', { name: 'Edit shop-api' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Close' }));

    await user.click(screen.getByRole('button', { name: 'Actions for static-assets' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete farm static-assets?' }, { timeout: 5000 });
    expect(within(dialog).getByText('Route Assets — sends traffic here')).toBeInTheDocument();
    expect(within(dialog).getByText(/Its 2 servers are deleted with it/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Delete farm' })).toBeDisabled();
    expect(context.requests.filter((request) => request.method === 'DELETE')).toEqual([]);
  });

  it('deletes an unused farm from its row menu, without asking for it again', async () => {
    const created = await callSandbox<{ farmId: number }>(context.sandbox, 'POST', `/ipLoadbalancing/${serviceName}/tcp/farm`, {
      body: { zone: 'gra', displayName: 'spare', port: 7100 },
    });
    const { user } = renderPage('tcp');
    await screen.findByRole('link', { name: 'spare' }, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Actions for spare' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete farm spare?' }, { timeout: 5000 });
    expect(within(dialog).getByText('No frontend or route uses this farm.')).toBeInTheDocument();
    const index = context.requests.length;
    await user.click(within(dialog).getByRole('button', { name: 'Delete farm' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'spare' })).not.toBeInTheDocument(), { timeout: 5000 });
    expect(await screen.findByText('Farm spare deleted')).toBeInTheDocument();
    const after = context.requests.slice(index);
    expect(after[0]).toMatchObject({ method: 'DELETE', path: `/ipLoadbalancing/${serviceName}/tcp/farm/${created.body.farmId}` });
    expect(after.slice(1).filter((request) => request.path.includes(`/farm/${created.body.farmId}`))).toEqual([]);
  });
});

describe('FarmsPage without farms', () => {
  useTestSandbox({ seed: 'empty' });

  it('offers to create an HTTP farm (an, not a)', async () => {
    renderPage('http', 'loadbalancer-empty-gra');
    expect(await screen.findByRole('button', { name: 'Create an HTTP farm' }, { timeout: 5000 })).toBeInTheDocument();
  });
});
