import { screen, waitFor, within } from '@testing-library/react';
import { FarmForm, type FarmFormMode } from '@/features/farms/components/farm-form';
import { getFarm } from '@/lib/iplb/farm-queries';
import type { Protocol } from '@/lib/iplb/protocol';
import { listServers } from '@/lib/iplb/server-queries';
import { cutApi } from '@/testing/cut-api';
import { renderWithProviders } from '@/testing/render';
import { useTestSandbox } from '@/testing/sandbox-server';

const serviceName = 'loadbalancer-demo-gra';

function renderForm<P extends Protocol>(protocol: P, mode: FarmFormMode<P> = { kind: 'create' }) {
  const onDone = vi.fn();
  const view = renderWithProviders(
    <FarmForm serviceName={serviceName} protocol={protocol} mode={mode} onDone={onDone} onCancel={() => {}} />,
  );
  return { ...view, onDone };
}

const posts = (requests: { method: string; path: string; body: unknown }[], method = 'POST') =>
  requests.filter((request) => request.method === method && /\/farm(\/\d+)?$/.test(request.path));

describe('FarmForm', () => {
  const context = useTestSandbox();
  afterEach(() => vi.restoreAllMocks());

  it('says when the zones and probe types could not be loaded, sends nothing until Retry brings them, keeps what was typed', async () => {
    const outage = cutApi(new RegExp(`/ipLoadbalancing/${serviceName}(/availableFarmProbes)?$`));
    const { user, onDone } = renderForm('http');
    const create = screen.getByRole('button', { name: 'Create farm' });
    expect(create).toBeDisabled();
    await user.type(screen.getByLabelText('Name'), 'checkout');
    const alert = await screen.findByRole('alert', {}, { timeout: 10000 });
    await waitFor(() => expect(alert).toHaveTextContent('The zones and probe types could not be loaded'));
    expect(alert).toHaveTextContent('Network error: no answer from the API for GET /ipLoadbalancing/');
    expect(create).toBeDisabled();
    expect(create).toHaveAccessibleDescription('Nothing can be sent until the zones and probe types are loaded.');
    expect(screen.getByText('Health check unavailable: the probe types could not be loaded.')).toBeInTheDocument();

    outage.restore();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getByRole('combobox', { name: /zone/i })).toHaveValue('gra'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveValue('checkout');
    await waitFor(() => expect(create).toBeEnabled());
    await user.click(create);
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(posts(context.requests)[0]?.body).toMatchObject({ zone: 'gra', displayName: 'checkout' });
  });

  it('creates an HTTP farm with a probe, sending only what was set', async () => {
    const { user, onDone } = renderForm('http');
    await user.type(screen.getByLabelText('Name'), 'checkout');
    // the only zone of this load balancer is chosen for the user
    await waitFor(() => expect(screen.getByRole('combobox', { name: /zone/i })).toHaveValue('gra'), { timeout: 5000 });
    await user.type(screen.getByLabelText('Port'), '8443');
    await user.click(screen.getByRole('combobox', { name: 'Balancing algorithm' }));
    await user.click(screen.getByRole('option', { name: 'leastconn' }));
    await user.click(screen.getByRole('combobox', { name: 'Stickiness' }));
    await user.click(screen.getByRole('option', { name: 'cookie' }));
    await user.click(await screen.findByRole('switch', { name: /^Custom health check/ }, { timeout: 5000 }));
    await user.clear(screen.getByLabelText('URL'));
    await user.type(screen.getByLabelText('URL'), '/healthz');
    await user.click(screen.getByRole('combobox', { name: 'HTTP method' }));
    await user.click(screen.getByRole('option', { name: 'HEAD' }));
    await user.click(screen.getByRole('combobox', { name: 'Check the reply' }));
    await user.click(screen.getByRole('option', { name: 'HTTP status is one of' }));
    await user.type(screen.getByLabelText(/Expected status codes/), '200,204');
    await user.click(screen.getByRole('button', { name: 'Create farm' }));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    // like a frontend: the change waits for Apply, and the notification says so
    expect(await screen.findByText('Farm checkout created')).toBeInTheDocument();
    expect(screen.getByText('Apply the configuration to make it live.')).toBeInTheDocument();
    expect(posts(context.requests)[0]?.body).toEqual({
      zone: 'gra',
      displayName: 'checkout',
      port: 8443,
      balance: 'leastconn',
      stickiness: 'cookie',
      probe: {
        type: 'http',
        url: '/healthz',
        method: 'HEAD',
        port: null,
        match: 'status',
        pattern: '200,204',
        negate: false,
        interval: 30,
        forceSsl: false,
      },
    });
  });

  it('refuses bad ports, a short interval and a bad status list as the user types', async () => {
    const { user } = renderForm('http');
    const port = screen.getByLabelText('Port');
    const portMessage = 'Port must be a whole number from 1 to 49151';
    await user.type(port, '0');
    expect(await screen.findByText(portMessage)).toBeInTheDocument();
    // what was typed stays as typed (never clamped or rounded), with the error
    for (const typed of ['70000', '-1', '80.5']) {
      await user.clear(port);
      await user.type(port, typed);
      expect(port).toHaveValue(typed);
      expect(await screen.findByText(portMessage)).toBeInTheDocument();
    }

    await user.click(await screen.findByRole('switch', { name: /^Custom health check/ }, { timeout: 5000 }));
    const interval = screen.getByLabelText('Interval (seconds)');
    for (const typed of ['10', '30.5', '-30']) {
      await user.clear(interval);
      await user.type(interval, typed);
      expect(interval).toHaveValue(typed);
      expect(await screen.findByText('Interval must be a whole number of seconds, at least 30')).toBeInTheDocument();
    }

    await user.click(screen.getByRole('combobox', { name: 'Check the reply' }));
    await user.click(screen.getByRole('option', { name: 'HTTP status is one of' }));
    await user.type(screen.getByLabelText(/Expected status codes/), 'ok');
    expect(await screen.findByText('Use HTTP status codes separated by commas, such as 200,204')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Name'), 'x'.repeat(51));
    expect(await screen.findByText('Display name must be at most 50 characters (got 51)')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Create farm' }));
    expect(posts(context.requests)).toHaveLength(0);
  });

  it('follows the probe catalogue: no URL or method for pgsql, negate only for negatable matches', async () => {
    const { user } = renderForm('tcp');
    await user.click(await screen.findByRole('switch', { name: /^Custom health check/ }, { timeout: 5000 }));
    expect(screen.getByLabelText('URL')).toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: 'Probe type' }));
    await user.click(screen.getByRole('option', { name: 'pgsql' }));
    expect(screen.queryByLabelText('URL')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('HTTP method')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Probe port')).toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: 'Probe type' }));
    await user.click(screen.getByRole('option', { name: 'oco' }));
    expect(screen.queryByLabelText('Probe port')).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: /Negate/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: 'Check the reply' }));
    await user.click(screen.getByRole('option', { name: 'HTTP status is one of' }));
    expect(screen.getByRole('checkbox', { name: /Negate/ })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Stickiness' })).toBeInTheDocument();
  });

  it('creates a UDP farm: port required, no balance, stickiness or probe', async () => {
    const { user, onDone } = renderForm('udp');
    expect(screen.queryByRole('textbox', { name: 'Balancing algorithm' })).not.toBeInTheDocument();
    expect(screen.queryByRole('switch', { name: /^Custom health check/ })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('combobox', { name: /zone/i })).toHaveValue('gra'), { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Create farm' }));
    expect(await screen.findByText('A UDP farm needs a port')).toBeInTheDocument();
    await user.type(screen.getByLabelText(/^Port/), '53');
    await user.click(screen.getByRole('button', { name: 'Create farm' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(posts(context.requests)[0]?.body).toEqual({ zone: 'gra', port: 53 });
  });

  it('edits a TCP farm with PUT of the whole object; zone shown read-only with the reason', async () => {
    const farm = await getFarm(serviceName, 'tcp', 2004);
    const { user, onDone } = renderForm('tcp', { kind: 'edit', farm });
    const zone = screen.getByRole('textbox', { name: 'Zone' });
    expect(zone).toHaveAttribute('readonly');
    expect(screen.getByText("A farm's zone cannot be changed after creation (delete and recreate it)")).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Name'));
    await user.type(screen.getByLabelText('Name'), 'pg');
    await user.clear(screen.getByLabelText('Port'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const put = posts(context.requests, 'PUT')[0];
    expect(put?.path).toBe(`/ipLoadbalancing/${serviceName}/tcp/farm/2004`);
    expect(put?.body).toEqual({ ...farm, displayName: 'pg', port: null, probe: { ...farm.probe, match: 'default', pattern: null, negate: null, method: null, url: null, port: null, forceSsl: false } });
  });

  it('shows the API refusal with its request id and keeps what was typed', async () => {
    // the demo load balancer is not attached to a vRack: the API refuses a vRack network
    const farm = await getFarm(serviceName, 'http', 2003);
    const { user, onDone } = renderForm('http', { kind: 'edit', farm: { ...farm, vrackNetworkId: 12 } });
    await user.clear(screen.getByLabelText('Name'));
    await user.type(screen.getByLabelText('Name'), 'assets-renamed');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/vRack network 12 does not exist.*\(request id .+\)/)).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveValue('assets-renamed');
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('FarmForm clone', () => {
  const context = useTestSandbox();

  it('creates the farm, then a copy of each server, and reports the result per server', async () => {
    const farm = await getFarm(serviceName, 'http', 2002);
    const servers = await listServers(serviceName, 'http', 2002);
    const { user, onDone } = renderForm('http', { kind: 'clone', farm, servers });
    expect(screen.getByLabelText('Name')).toHaveValue('Copy of shop-api');
    expect(screen.getByRole('checkbox', { name: 'Also copy its 3 servers' })).toBeChecked();
    await waitFor(() => expect(screen.getByRole('combobox', { name: /zone/i })).toHaveValue('gra'), { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Clone farm' }));

    await waitFor(() => expect(onDone).toHaveBeenCalled(), { timeout: 5000 });
    const farmPost = posts(context.requests)[0];
    expect(farmPost?.body).toEqual({
      zone: 'gra',
      displayName: 'Copy of shop-api',
      port: 8080,
      balance: 'leastconn',
      probe: { ...farm.probe, port: null, pattern: null, negate: null, forceSsl: false },
    });
    const newFarmId = (onDone.mock.calls[0]![0] as { farmId: number }).farmId;
    const serverPosts = context.requests.filter((request) => request.method === 'POST' && request.path.endsWith(`/farm/${newFarmId}/server`));
    expect(serverPosts.map((request) => request.body)).toEqual(
      servers.map(({ serverId: _id, backendId: _farm, serverState: _state, ...rest }) =>
        Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== null)),
      ),
    );
    expect(screen.getByText(/Done 4 of 4 steps/)).toBeInTheDocument();
    expect(screen.getByText(/api-canary \(10.0.2.23:8080\) copied/)).toBeInTheDocument();
  });
});
