import { screen, waitFor, within } from '@testing-library/react';
import { FarmServers } from '@/features/servers/components/farm-servers';
import { getFarm } from '@/lib/iplb/farm-queries';
import { renderWithProviders } from '@/testing/render';
import { useTestSandbox } from '@/testing/sandbox-server';

const serviceName = 'loadbalancer-demo-gra';

async function renderFarm(farmId = 2001, firstAddress = '10.0.1.11') {
  const farm = await getFarm(serviceName, 'http', farmId);
  const view = renderWithProviders(<FarmServers serviceName={serviceName} protocol="http" farm={farm} />);
  await screen.findByRole('table', { name: /Servers of/ }, { timeout: 5000 });
  await screen.findByText(firstAddress, {}, { timeout: 5000 });
  return view;
}

const puts = (requests: { method: string; path: string; body: unknown }[]) =>
  requests.filter((request) => request.method === 'PUT' && /\/server\/\d+$/.test(request.path));

describe('ServersTable', () => {
  const context = useTestSandbox();

  it('disables a server from its switch, sending the whole object with the new status', async () => {
    const { user } = await renderFarm();
    const toggle = screen.getByRole('switch', { name: 'Active: web-01 (10.0.1.11)' });
    expect(toggle).toBeChecked();
    await user.click(toggle);
    await waitFor(() => expect(puts(context.requests)).toHaveLength(1));
    expect(puts(context.requests)[0]?.body).toMatchObject({ address: '10.0.1.11', status: 'inactive', cookie: 'web01' });
    await waitFor(() => expect(screen.getByRole('switch', { name: 'Active: web-01 (10.0.1.11)' })).not.toBeChecked());
    expect(await screen.findByText('web-01 (10.0.1.11) disabled')).toBeInTheDocument();
  });

  it('shows the change at once and puts the switch back when the API refuses it', async () => {
    // a server the API now refuses to save as it stands (its stored weight is out of range)
    const stored = context.sandbox.state.services[serviceName]!.servers.http.find((server) => server.address === '10.0.1.12')!;
    stored.weight = 300;
    const { user } = await renderFarm();
    const toggle = screen.getByRole('switch', { name: 'Active: web-02 (10.0.1.12)' });
    await user.click(toggle);
    const alert = await screen.findByText(/Weight must be between 0 and 256 \(got 300\).*request id/);
    expect(alert).toBeInTheDocument();
    expect(screen.getByText('web-02 (10.0.1.12) could not be disabled')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('switch', { name: 'Active: web-02 (10.0.1.12)' })).toBeChecked());
  });

  it('sets the weight of several servers with one confirmation and reports each result', async () => {
    const stored = context.sandbox.state.services[serviceName]!.servers.http.find((server) => server.address === '10.0.1.13')!;
    stored.port = 70000; // this one will be refused
    const { user } = await renderFarm();
    await user.click(screen.getByRole('checkbox', { name: 'Select web-01 (10.0.1.11)' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select web-02 (10.0.1.12)' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select web-03 (10.0.1.13:70000)' }));
    const bar = screen.getByRole('region', { name: 'Bulk actions' });
    expect(within(bar).getByText('3 selected')).toBeInTheDocument();
    await user.click(within(bar).getByRole('button', { name: 'Set weight…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Set weight of 3 servers' });
    const weight = within(dialog).getByLabelText('New weight');
    await user.clear(weight);
    await user.type(weight, '300');
    expect(within(dialog).getByText('Weight must be a whole number from 0 to 256')).toBeInTheDocument();
    await user.clear(weight);
    await user.type(weight, '-1');
    expect(weight).toHaveValue('-1');
    expect(within(dialog).getByText('Weight must be a whole number from 0 to 256')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Set weight of 3 servers' })).toBeDisabled();
    await user.clear(weight);
    await user.type(weight, '5');
    await user.click(within(dialog).getByRole('button', { name: 'Set weight of 3 servers' }));

    const results = await within(dialog).findByRole('list', { name: 'Results' });
    expect(within(results).getByText('web-01 (10.0.1.11): updated')).toBeInTheDocument();
    expect(within(results).getByText('web-02 (10.0.1.12): updated')).toBeInTheDocument();
    expect(within(results).getByText(/web-03 \(10.0.1.13:70000\): failed — Server port must be between 1 and 49151 \(got 70000\)/)).toBeInTheDocument();
    expect(puts(context.requests).map((request) => (request.body as { weight: number }).weight)).toEqual([5, 5, 5]);
    expect(screen.getByRole('dialog', { name: 'Set weight of 2 of 3 servers' })).toBe(dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Bulk actions' })).not.toBeInTheDocument());
  });

  it('deletes servers in bulk after one confirmation; the results name what was acted on and the bar goes', async () => {
    const { user } = await renderFarm(2003, '10.0.3.31');
    await user.click(screen.getByRole('checkbox', { name: /Select all/ }));
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete 2 servers' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete 2 servers' }));
    const results = await within(dialog).findByRole('list', { name: 'Results' });
    expect(within(results).getByText('assets-01 (10.0.3.31): deleted')).toBeInTheDocument();
    expect(context.requests.filter((request) => request.method === 'DELETE')).toHaveLength(2);
    // the list was reloaded: the deleted rows left the selection, the title still names what was done
    expect(await screen.findByText('This farm has no server yet', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Deleted 2 of 2 servers' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Bulk actions' })).not.toBeInTheDocument();
    expect(screen.queryByText('0 selected')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('warns before deleting the last active server of a farm', async () => {
    const { user } = await renderFarm(2003, '10.0.3.31');
    await user.click(screen.getByRole('switch', { name: 'Active: assets-02 (10.0.3.32)' }));
    await waitFor(() => expect(screen.getByRole('switch', { name: 'Active: assets-02 (10.0.3.32)' })).not.toBeChecked());
    await user.click(screen.getByRole('button', { name: 'Actions for assets-01 (10.0.3.31)' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete server assets-01 (10.0.3.31)?' });
    expect(within(dialog).getByText(/This is the last active server of farm static-assets/)).toBeInTheDocument();
  });
});
