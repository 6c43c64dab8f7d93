import { screen, waitFor, within } from '@testing-library/react';
import { FrontendsPage } from '@/features/frontends/components/frontends-page';
import { iplbKeys } from '@/lib/iplb/keys';
import { pendingChangesQuery } from '@/lib/iplb/pending-changes';
import { isProtocol } from '@/lib/iplb/protocol';
import { callSandbox } from '@/sandbox/testing/call';
import { cutApi } from '@/testing/cut-api';
import { renderWithProviders } from '@/testing/render';
import { useTestSandbox } from '@/testing/sandbox-server';
import { useParams } from 'react-router';

const serviceName = 'loadbalancer-demo-gra';
const GRA = `/ipLoadbalancing/${serviceName}`;

function Page() {
  const { protocol } = useParams();
  return isProtocol(protocol) ? <FrontendsPage key={protocol} serviceName={serviceName} protocol={protocol} /> : null;
}

const renderPage = (route = `/services/${serviceName}/frontends/http`) =>
  renderWithProviders(<Page />, { route, path: '/services/:serviceName/frontends/:protocol' });

const rowNames = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent);

describe('FrontendsPage', () => {
  const context = useTestSandbox();
  afterEach(() => vi.restoreAllMocks());

  it("shows no count for the tabs whose frontends failed to load ('?', count unavailable), the API's message and Retry", async () => {
    const outage = cutApi(/\/(tcp|udp)\/frontend$/);
    const { user } = renderPage();
    const tabs = screen.getByRole('navigation', { name: 'Frontend protocol' });
    await waitFor(() => expect(within(tabs).getByRole('link', { name: 'TCP count unavailable' })).toBeInTheDocument(), { timeout: 10000 });
    await waitFor(() => expect(within(tabs).getByRole('link', { name: 'UDP count unavailable' })).toBeInTheDocument());
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The TCP and UDP frontend counts could not be loaded');
    expect(alert).toHaveTextContent(/Network error: no answer from the API for GET \/ipLoadbalancing\/.+\/frontend/);

    outage.restore();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(within(tabs).getByRole('link', { name: 'TCP 2' })).toBeInTheDocument());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('lists the frontends with farm and certificate names, counts per protocol, and switches tabs from the cache', async () => {
    const { user } = renderPage();
    const table = await screen.findByRole('table', { name: 'HTTP frontends' });
    await waitFor(() => expect(rowNames(table)).toEqual(['shop-https', 'shop-http-redirect']));
    const row = within(table).getByRole('row', { name: /shop-https/ });
    expect(within(row).getByRole('link', { name: 'shop-web' })).toHaveAttribute('href', `/services/${serviceName}/farms/http/2001`);
    expect(await within(row).findByText('Shop (Sectigo)')).toBeInTheDocument();
    const tabs = screen.getByRole('navigation', { name: 'Frontend protocol' });
    await waitFor(() => expect(within(tabs).getByRole('link', { name: 'TCP 2' })).toBeInTheDocument());
    expect(within(tabs).getByRole('link', { name: 'HTTP 2' })).toHaveAttribute('aria-current', 'page');
    expect(within(tabs).getByRole('link', { name: 'UDP 1' })).toBeInTheDocument();

    const listCalls = () => context.requests.filter((request) => /\/frontend(\?|$)/.test(request.path)).length;
    const before = listCalls();
    await user.click(within(tabs).getByRole('link', { name: 'TCP 2' }));
    const tcp = await screen.findByRole('table', { name: 'TCP frontends' });
    expect(rowNames(tcp)).toEqual(['postgres', 'smtp']);
    expect(within(tcp).getByText('Only 198.51.100.0/24')).toBeInTheDocument();
    expect(within(tcp).getByText('Deny 192.0.2.0/24')).toBeInTheDocument();
    expect(listCalls()).toBe(before);
  });

  it('keeps the text filter and the sort in the URL', async () => {
    const { user, router } = renderPage(`/services/${serviceName}/frontends/http?sort=name:asc`);
    const table = await screen.findByRole('table', { name: 'HTTP frontends' });
    await waitFor(() => expect(rowNames(table)).toEqual(['shop-http-redirect', 'shop-https']));
    await user.type(screen.getByLabelText('Filter'), 'shop-web');
    expect(rowNames(table)).toEqual(['shop-https']);
    expect(screen.getByText('1 of 2 shown')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?sort=name%3Aasc&q=shop-web');
    await user.clear(screen.getByLabelText('Filter'));
    await user.type(screen.getByLabelText('Filter'), 'nothing-like-this');
    expect(screen.getByText('No HTTP frontend matches these filters')).toBeInTheDocument();
  });

  it('shows what to do next when a protocol has no frontend', async () => {
    await callSandbox(context.sandbox, 'DELETE', `${GRA}/udp/frontend/1005`);
    const { user } = renderPage(`/services/${serviceName}/frontends/udp`);
    expect(await screen.findByText('No UDP frontend yet')).toBeInTheDocument();
    expect(screen.getByText(/A frontend listens on a port and sends datagrams to a farm/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create UDP frontend' }));
    expect(await screen.findByRole('dialog', { name: 'New UDP frontend' })).toBeInTheDocument();
  });

  it('toggles a frontend at once, and puts the switch back with a notification when the API refuses', async () => {
    const { user } = renderPage(`/services/${serviceName}/frontends/tcp`);
    const smtp = await screen.findByRole('switch', { name: 'Enabled: smtp' });
    expect(smtp).toBeChecked();
    await user.click(smtp);
    expect(smtp).not.toBeChecked();
    await waitFor(() => expect(context.requests.some((request) => request.method === 'PUT')).toBe(true));
    expect(context.requests.find((request) => request.method === 'PUT')).toMatchObject({
      path: `${GRA}/tcp/frontend/1004`,
      body: { frontendId: 1004, port: '25,587', deniedSource: ['192.0.2.0/24'], disabled: true },
    });
    expect(await screen.findByText('Frontend smtp disabled')).toBeInTheDocument();

    // its certificate vanished meanwhile (deleted elsewhere): the API refuses the PUT, the switch goes back
    context.sandbox.state.services[serviceName]!.ssl = context.sandbox.state.services[serviceName]!.ssl.filter((ssl) => ssl.id !== 301);
    await user.click(screen.getByRole('link', { name: /^HTTP/ }));
    const shop = await screen.findByRole('switch', { name: 'Enabled: shop-https' });
    await user.click(shop);
    expect(await screen.findByText('Could not disable shop-https')).toBeInTheDocument();
    expect(screen.getByText(/Certificate 301 \(defaultSslId\) does not exist \(request id [\w.-]+\)/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('switch', { name: 'Enabled: shop-https' })).toBeChecked());
  });

  it('names the routes attached before deleting, shows a refusal, and deletes a frontend without routes', async () => {
    const { user, queryClient } = renderPage();
    await queryClient.fetchQuery(pendingChangesQuery(serviceName));
    const table = await screen.findByRole('table', { name: 'HTTP frontends' });
    await user.click(await within(table).findByRole('button', { name: 'Delete shop-https' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete frontend shop-https?' });
    expect(await within(dialog).findByText('3 routes are attached to it')).toBeInTheDocument();
    expect(within(dialog).getByText('API to api farm (#7001)')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Delete shop-https' }));
    expect(await within(dialog).findByText(/is still used by .*request id/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await user.click(within(table).getByRole('button', { name: 'Delete shop-http-redirect' }));
    const second = await screen.findByRole('dialog', { name: 'Delete frontend shop-http-redirect?' });
    expect(await within(second).findByText('No route is attached to it.')).toBeInTheDocument();
    await user.click(within(second).getByRole('button', { name: 'Delete shop-http-redirect' }));
    await waitFor(() => expect(rowNames(table)).toEqual(['shop-https']));
    expect(context.requests.filter((request) => request.method === 'DELETE').map((request) => request.path)).toEqual([
      `${GRA}/http/frontend/1001`,
      `${GRA}/http/frontend/1002`,
    ]);
    // the header's pending changes are refreshed after the write
    expect(queryClient.getQueryState(iplbKeys.pendingChanges(serviceName))?.isInvalidated).toBe(true);
  });
});
