import { screen, waitFor, within } from '@testing-library/react';
import { ServersPage } from '@/features/servers/components/servers-page';
import { renderWithProviders } from '@/testing/render';
import { useTestSandbox } from '@/testing/sandbox-server';

const serviceName = 'loadbalancer-demo-gra';

const serverLists = (requests: { method: string; path: string }[], protocol: string) =>
  requests.filter((request) => request.method === 'GET' && new RegExp(`/${protocol}/farm/\\d+/server$`).test(request.path));

describe('ServersPage', () => {
  const context = useTestSandbox();

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
});
