import { screen, waitFor } from '@testing-library/react';
import { ServerForm, type ServerFormMode } from '@/features/servers/components/server-form';
import type { Protocol } from '@/lib/iplb/protocol';
import { listServers } from '@/lib/iplb/server-queries';
import { renderWithProviders } from '@/testing/render';
import { useTestSandbox } from '@/testing/sandbox-server';

const serviceName = 'loadbalancer-demo-gra';
const farms = { http: 2001, tcp: 2004, udp: 2006 } as const;

function renderForm<P extends Protocol>(protocol: P, mode: ServerFormMode<P> = { kind: 'create' }) {
  const onDone = vi.fn();
  const view = renderWithProviders(
    <ServerForm serviceName={serviceName} protocol={protocol} farmId={farms[protocol]} farmPort={80} mode={mode} onDone={onDone} onCancel={() => {}} />,
  );
  return { ...view, onDone };
}

const writes = (requests: { method: string; path: string; body: unknown }[], method: string) =>
  requests.filter((request) => request.method === method && /\/server(\/\d+)?$/.test(request.path));

describe('ServerForm', () => {
  const context = useTestSandbox();

  it('adds an HTTP server with every option', async () => {
    const { user, onDone } = renderForm('http');
    await user.type(screen.getByLabelText(/^Address/), '10.0.1.50');
    await user.type(screen.getByLabelText('Port'), '8080');
    await user.type(screen.getByLabelText('Name'), 'web-50');
    await user.clear(screen.getByLabelText('Weight'));
    await user.type(screen.getByLabelText('Weight'), '3');
    await user.click(screen.getByRole('checkbox', { name: /^Backup/ }));
    await user.click(screen.getByRole('checkbox', { name: /^Health check \(probe\)/ }));
    await user.click(screen.getByRole('checkbox', { name: /^SSL/ }));
    await user.type(screen.getByLabelText('Cookie value'), 'w50');
    await user.click(screen.getByRole('combobox', { name: 'PROXY protocol' }));
    await user.click(screen.getByRole('option', { name: 'v2' }));
    await user.click(screen.getByRole('combobox', { name: 'When marked down' }));
    await user.click(screen.getByRole('option', { name: 'shutdown-sessions' }));
    await user.click(screen.getByRole('radio', { name: 'Inactive' }));
    await user.click(screen.getByRole('button', { name: 'Add server' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const post = writes(context.requests, 'POST')[0];
    expect(post?.path).toBe(`/ipLoadbalancing/${serviceName}/http/farm/2001/server`);
    expect(post?.body).toEqual({
      address: '10.0.1.50',
      status: 'inactive',
      port: 8080,
      displayName: 'web-50',
      weight: 3,
      backup: true,
      probe: true,
      ssl: true,
      cookie: 'w50',
      proxyProtocolVersion: 'v2',
      onMarkedDown: 'shutdown-sessions',
    });
  });

  it.each([
    ['10.0.0.256', 'Server address must be an IPv4 address such as 203.0.113.10'],
    ['abc', 'Server address must be an IPv4 address such as 203.0.113.10'],
    ['2001:db8::1', 'Server address must be an IPv4 address such as 203.0.113.10'],
    ['127.0.0.1', 'Server address 127.0.0.1 is a loopback address and cannot be used'],
  ])('refuses the address %s as it is typed', async (address, message) => {
    const { user } = renderForm('tcp');
    await user.type(screen.getByLabelText(/^Address/), address);
    expect(await screen.findByText(message)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add server' }));
    expect(writes(context.requests, 'POST')).toHaveLength(0);
  });

  it('refuses bad ports and weights', async () => {
    const { user } = renderForm('tcp');
    const port = screen.getByLabelText('Port');
    for (const typed of ['0', '70000', '-80', '80.5']) {
      await user.clear(port);
      await user.type(port, typed);
      expect(port).toHaveValue(typed);
      expect(await screen.findByText('Port must be a whole number from 1 to 49151')).toBeInTheDocument();
    }
    const weight = screen.getByLabelText('Weight');
    // what was typed stays as typed (never clamped or rounded to 1), with the error
    for (const typed of ['300', '-1', '1.5']) {
      await user.clear(weight);
      await user.type(weight, typed);
      expect(weight).toHaveValue(typed);
      expect(await screen.findByText('Weight must be a whole number from 0 to 256')).toBeInTheDocument();
    }
    await user.click(screen.getByRole('checkbox', { name: /^SSL/ }));
    await user.type(screen.getByLabelText('CA chain (PEM)'), 'not a certificate');
    expect(await screen.findByText(/Paste PEM certificates/)).toBeInTheDocument();
  });

  it('adds a UDP server with only address, port, name and status', async () => {
    const { user, onDone } = renderForm('udp');
    expect(screen.queryByLabelText('Weight')).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: /^SSL/ })).not.toBeInTheDocument();
    await user.type(screen.getByLabelText(/^Address/), '10.0.6.63');
    await user.click(screen.getByRole('button', { name: 'Add server' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(writes(context.requests, 'POST')[0]?.body).toEqual({ address: '10.0.6.63', status: 'active' });
  });

  it('edits with PUT of the whole object; the address is read-only with the reason', async () => {
    const [server] = await listServers(serviceName, 'http', 2002);
    const { user, onDone } = renderForm('http', { kind: 'edit', server: server! });
    expect(screen.getByLabelText('Address')).toHaveAttribute('readonly');
    expect(screen.getByText("A server's address cannot be changed; delete and add a new server")).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Weight'));
    await user.type(screen.getByLabelText('Weight'), '0');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const put = writes(context.requests, 'PUT')[0];
    expect(put?.path).toBe(`/ipLoadbalancing/${serviceName}/http/farm/2002/server/${server!.serverId}`);
    expect(put?.body).toEqual({ ...server, weight: 0 });
  });

  it('shows the API refusal with its request id and keeps what was typed', async () => {
    // the farm was deleted meanwhile (by someone else): the API refuses the new server
    const onDone = vi.fn();
    const { user } = renderWithProviders(
      <ServerForm serviceName={serviceName} protocol="http" farmId={9999} farmPort={null} mode={{ kind: 'create' }} onDone={onDone} onCancel={() => {}} />,
    );
    await user.type(screen.getByLabelText(/^Address/), '10.0.1.60');
    await user.type(screen.getByLabelText('Name'), 'kept');
    await user.click(screen.getByRole('button', { name: 'Add server' }));
    expect(await screen.findByText(/9999.*\(request id .+\)/)).toBeInTheDocument();
    expect(onDone).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/^Address/)).toHaveValue('10.0.1.60');
    expect(screen.getByLabelText('Name')).toHaveValue('kept');
  });
});

describe('ServerForm clone', () => {
  const context = useTestSandbox();

  it('opens a create form prefilled from the server, the address editable', async () => {
    const [server] = await listServers(serviceName, 'tcp', 2004);
    const { user, onDone } = renderForm('tcp', { kind: 'clone', server: server! });
    const address = screen.getByLabelText(/^Address/);
    expect(address).toHaveValue(server!.address);
    expect(address).not.toHaveAttribute('readonly');
    await user.clear(address);
    await user.type(address, '10.0.4.43');
    await user.click(screen.getByRole('button', { name: 'Add server' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const post = context.requests.find((request) => request.method === 'POST');
    expect(post?.path).toBe(`/ipLoadbalancing/${serviceName}/tcp/farm/2004/server`);
    expect(post?.body).toMatchObject({ address: '10.0.4.43', displayName: server!.displayName, status: server!.status, weight: server!.weight ?? 1 });
  });
});
