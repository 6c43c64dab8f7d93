import { screen, waitFor, within } from '@testing-library/react';
import { ServersPage } from '@/features/servers/components/servers-page';
import { cutApi } from '@/testing/cut-api';
import { renderWithProviders } from '@/testing/render';
import { useTestSandbox } from '@/testing/sandbox-server';

const serviceName = 'loadbalancer-demo-gra';

const serverLists = (requests: { method: string; path: string }[], protocol: string) =>
  requests.filter((request) => request.method === 'GET' && new RegExp(`/${protocol}/farm/\\d+/server$`).test(request.path));

describe('ServersPage', () => {
  const context = useTestSandbox();
  afterEach(() => vi.restoreAllMocks());

  it('loads the shown protocol first: the other tabs only ask for their servers once it is on screen', async () => {
    renderWithProviders(<ServersPage serviceName={serviceName} protocol="tcp" />, {
      route: `/services/${serviceName}/servers/tcp`,
      path: '/services/:serviceName/servers/:protocol',
    });
    const table = await screen.findByRole('table', { name: 'TCP servers' }, { timeout: 5000 });
    await within(table).findByText('10.0.4.41', {}, { timeout: 5000 });
    // on screen with one request per TCP farm, none yet for the HTTP or UDP farms
    expect(serverLists(context.requests, 'tcp')).toHaveLength(2);
    expect(serverLists(context.requests, 'http')).toEqual([]);
    expect(serverLists(context.requests, 'udp')).toEqual([]);
    // then the others, for their tab counts
    const tabs = screen.getByRole('navigation', { name: 'Server protocol' });
    await waitFor(() => expect(within(tabs).getByRole('link', { name: /HTTP/ })).toHaveTextContent('HTTP10'), { timeout: 5000 });
    expect(within(tabs).getByRole('link', { name: /UDP/ })).toHaveTextContent('UDP2');
    expect(serverLists(context.requests, 'http')).toHaveLength(3);
  });

  it("never shows 0 for a tab whose servers failed to load: '?' (count unavailable), the API's message and Retry", async () => {
    const outage = cutApi(/\/(tcp|udp)\/farm\/\d+\/server$/);
    const { user } = renderWithProviders(<ServersPage serviceName={serviceName} protocol="http" />, {
      route: `/services/${serviceName}/servers/http`,
      path: '/services/:serviceName/servers/:protocol',
    });
    const tabs = screen.getByRole('navigation', { name: 'Server protocol' });
    await waitFor(() => expect(within(tabs).getByRole('link', { name: 'TCP count unavailable' })).toBeInTheDocument(), { timeout: 10000 });
    await waitFor(() => expect(within(tabs).getByRole('link', { name: 'UDP count unavailable' })).toBeInTheDocument());
    expect(within(tabs).getByRole('link', { name: /TCP/ })).not.toHaveTextContent(/\d/);
    expect(within(tabs).getByRole('link', { name: /HTTP/ })).toHaveTextContent('HTTP10');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The TCP and UDP server counts could not be loaded');
    expect(alert).toHaveTextContent(/Network error: no answer from the API for GET \/ipLoadbalancing\/.+\/server/);
    // the HTTP servers themselves are shown
    await within(screen.getByRole('table', { name: 'HTTP servers' })).findAllByRole('row');

    outage.restore();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(within(tabs).getByRole('link', { name: /TCP/ })).toHaveTextContent(/^TCP\d+$/));
    expect(within(tabs).getByRole('link', { name: /UDP/ })).toHaveTextContent('UDP2');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says the shown farms could not be loaded, with Retry, instead of "No TCP server yet"', async () => {
    const outage = cutApi(/\/tcp\/farm$/);
    const { user } = renderWithProviders(<ServersPage serviceName={serviceName} protocol="tcp" />, {
      route: `/services/${serviceName}/servers/tcp`,
      path: '/services/:serviceName/servers/:protocol',
    });
    const alert = await screen.findByRole('alert', {}, { timeout: 10000 });
    expect(alert).toHaveTextContent('The TCP farms could not be loaded');
    expect(alert).toHaveTextContent('Network error: no answer from the API');
    expect(screen.queryByText(/No TCP (server|farm) yet/)).not.toBeInTheDocument();
    const tabs = screen.getByRole('navigation', { name: 'Server protocol' });
    expect(within(tabs).getByRole('link', { name: 'TCP count unavailable' })).toBeInTheDocument();

    outage.restore();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    const table = await screen.findByRole('table', { name: 'TCP servers' });
    await within(table).findByText('10.0.4.41');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
