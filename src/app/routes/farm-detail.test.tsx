import { screen, waitFor, within } from '@testing-library/react';
import { FarmDetailRoute } from '@/app/routes/farm-detail';
import { FarmsRoute } from '@/app/routes/farms';
import { callSandbox } from '@/sandbox/testing/call';
import { renderWithProviders } from '@/testing/render';
import { useTestSandbox } from '@/testing/sandbox-server';

const serviceName = 'loadbalancer-demo-gra';

describe('deleting a farm from its own page', () => {
  const context = useTestSandbox();

  it('goes to the farm list, never asks for the deleted farm again and shows no error', async () => {
    const created = await callSandbox<{ farmId: number }>(context.sandbox, 'POST', `/ipLoadbalancing/${serviceName}/tcp/farm`, {
      body: { zone: 'gra', displayName: 'to-delete', port: 7000 },
    });
    const farmId = created.body.farmId;
    await callSandbox(context.sandbox, 'POST', `/ipLoadbalancing/${serviceName}/tcp/farm/${farmId}/server`, {
      body: { address: '10.8.0.1', status: 'active' },
    });
    const { user, router } = renderWithProviders(<FarmDetailRoute />, {
      route: `/services/${serviceName}/farms/tcp/${farmId}`,
      path: '/services/:serviceName/farms/:protocol/:farmId',
      routes: [{ path: '/services/:serviceName/farms/:protocol', element: <FarmsRoute /> }],
    });
    expect(await screen.findByRole('heading', { name: 'Servers (1)' }, { timeout: 5000 })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete farm to-delete?' }, { timeout: 5000 });
    const deleteIndex = context.requests.length;
    await user.click(within(dialog).getByRole('button', { name: 'Delete farm' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/services/${serviceName}/farms/tcp`), { timeout: 5000 });
    expect(await screen.findByRole('table', { name: 'TCP farms' }, { timeout: 5000 })).toBeInTheDocument();
    expect(await screen.findByText('Farm to-delete deleted', {}, { timeout: 5000 })).toBeInTheDocument();
    // the list was reloaded, without the deleted farm
    await waitFor(() =>
      expect(context.requests.slice(deleteIndex).some((request) => request.method === 'GET' && request.path.endsWith('/tcp/farm'))).toBe(true),
    );
    await waitFor(() => expect(screen.queryByRole('link', { name: 'to-delete' })).not.toBeInTheDocument());
    await new Promise((resolve) => setTimeout(resolve, 200));

    const afterDelete = context.requests.slice(deleteIndex);
    expect(afterDelete[0]).toMatchObject({ method: 'DELETE', path: `/ipLoadbalancing/${serviceName}/tcp/farm/${farmId}` });
    expect(afterDelete.slice(1).filter((request) => request.path.includes(`/farm/${farmId}`))).toEqual([]);
    expect(screen.queryByText(/does not exist/)).not.toBeInTheDocument();
    expect(screen.queryByText(/could not be loaded/)).not.toBeInTheDocument();
  });

  it('says which frontends and routes use the farm, with links to the frontends page', async () => {
    renderWithProviders(<FarmDetailRoute />, {
      route: `/services/${serviceName}/farms/http/2002`,
      path: '/services/:serviceName/farms/:protocol/:farmId',
    });
    const usedBy = await screen.findByRole('region', { name: 'Used by' }, { timeout: 5000 });
    await waitFor(() => expect(usedBy).toHaveTextContent('Route API to api farm — sends the requests it matches here (on frontend shop-https)'), {
      timeout: 5000,
    });
    expect(within(usedBy).getByRole('link', { name: 'shop-https' })).toHaveAttribute(
      'href',
      `/services/${serviceName}/frontends/http?q=shop-https`,
    );
  });

  it('names the frontend whose default farm it is, and says so when nothing uses a farm', async () => {
    await callSandbox(context.sandbox, 'POST', `/ipLoadbalancing/${serviceName}/udp/farm`, { body: { zone: 'gra', displayName: 'idle', port: 5300 } });
    const view = renderWithProviders(<FarmDetailRoute />, {
      route: `/services/${serviceName}/farms/http/2001`,
      path: '/services/:serviceName/farms/:protocol/:farmId',
    });
    const usedBy = await screen.findByRole('region', { name: 'Used by' }, { timeout: 5000 });
    expect(await within(usedBy).findByText(/\(port 443\) — default farm/, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(within(usedBy).getByRole('link', { name: 'shop-https' })).toBeInTheDocument();
    view.unmount();

    renderWithProviders(<FarmDetailRoute />, {
      route: `/services/${serviceName}/farms/udp/2011`,
      path: '/services/:serviceName/farms/:protocol/:farmId',
    });
    const idle = await screen.findByRole('region', { name: 'Used by' }, { timeout: 5000 });
    expect(await within(idle).findByText(/No frontend or route uses this farm/, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(within(idle).getByRole('link', { name: 'Point a UDP frontend at it' })).toHaveAttribute('href', `/services/${serviceName}/frontends/udp`);
  });
});
