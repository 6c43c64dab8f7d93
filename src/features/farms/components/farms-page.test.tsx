import { screen, waitFor, within } from '@testing-library/react';
import { FarmsPage } from '@/features/farms/components/farms-page';
import { cutApi } from '@/testing/cut-api';
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
  afterEach(() => vi.restoreAllMocks());

  it("shows no count for the tabs whose farms failed to load ('?', count unavailable), the API's message and Retry", async () => {
    const outage = cutApi(/\/(tcp|udp)\/farm$/);
    const { user } = renderPage('http');
    const tabs = screen.getByRole('navigation', { name: 'Farm protocol' });
    await waitFor(() => expect(within(tabs).getByRole('link', { name: 'TCP count unavailable' })).toBeInTheDocument(), { timeout: 10000 });
    await waitFor(() => expect(within(tabs).getByRole('link', { name: 'UDP count unavailable' })).toBeInTheDocument());
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The TCP and UDP farm counts could not be loaded');
    expect(alert).toHaveTextContent(/Network error: no answer from the API for GET \/ipLoadbalancing\/.+\/farm/);

    outage.restore();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(within(tabs).getByRole('link', { name: /TCP/ })).toHaveTextContent(/^TCP\d+$/));
    expect(within(tabs).getByRole('link', { name: /UDP/ })).toHaveTextContent(/^UDP\d+$/);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says the shown farms could not be loaded (no "No farm matches"), and Retry shows them', async () => {
    const outage = cutApi(/\/http\/farm$/);
    const { user } = renderPage('http');
    const alert = await screen.findByRole('alert', {}, { timeout: 10000 });
    expect(alert).toHaveTextContent('The HTTP farms could not be loaded');
    expect(alert).toHaveTextContent('Network error: no answer from the API');
    expect(screen.queryByText(/No (HTTP )?farm/)).not.toBeInTheDocument();
    outage.restore();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'shop-api' })).toBeInTheDocument();
  });

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
