import { notifications } from '@mantine/notifications';
import { act, screen, waitFor, within } from '@testing-library/react';
import { CertificatesPage } from '@/features/certificates/components/certificates-page';
import { renderWithProviders } from '@/testing/render';
import { useTestSandbox } from '@/testing/sandbox-server';

const gra = 'loadbalancer-demo-gra';

describe('CertificatesPage', () => {
  const context = useTestSandbox();
  afterEach(() => act(() => notifications.clean()));
  const writes = () => context.requests.filter((request) => request.method !== 'GET');

  it('shows expiry with days left, the frontends using each certificate, and keeps the expiring filter in the URL', async () => {
    // a custom certificate expiring in 10 days: the user must renew it
    context.sandbox.state.services[gra]!.ssl.push({
      id: 399,
      displayName: 'Legacy',
      type: 'custom',
      subject: 'CN=legacy.example.com',
      san: ['legacy.example.com'],
      serial: '0a',
      fingerprint: 'cd'.repeat(32),
      expireDate: new Date(Date.now() + 10.5 * 24 * 3600 * 1000).toISOString(),
    });
    const { user, router } = renderWithProviders(<CertificatesPage serviceName={gra} />, {
      route: '/certificates',
    });
    const table = await screen.findByRole('table', { name: 'Certificates' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(5));
    // sorted by expiry: the custom one expiring in 10 days first, with words, not only colour
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Legacy');
    expect(rows[1]).toHaveTextContent(/1[01] days left/);
    // the managed one (built, 18 days) is renewed by OVHcloud: no warning
    expect(rows[2]).toHaveTextContent("api (Let's Encrypt)");
    expect(rows[2]).toHaveTextContent('Renewed automatically');
    expect(rows[2]).not.toHaveTextContent(/days left/);
    expect(screen.getByText('Expiring soon')).toBeVisible();
    expect(screen.getByText(/1 certificate expired or expires within 30 days/)).toBeVisible();
    const shop = within(table).getByRole('row', { name: /Shop \(Sectigo\)/ });
    await waitFor(() => expect(shop).not.toHaveTextContent('No frontend'));
    // the first alternative name and "+N more", the whole list on hover
    expect(shop).toHaveTextContent('shop.example.com+1 more');
    const more = within(shop).getByRole('button', { name: '1 more alternative names of Shop (Sectigo): www.shop.example.com' });
    await user.hover(more);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('shop.example.com, www.shop.example.com');

    await user.click(screen.getByRole('radio', { name: /Expiring soon \(1\)/ }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Legacy');
    expect(router.state.location.search).toContain('show=expiring');
  });

  it('raises no "expiring soon" banner for a managed certificate renewed by OVHcloud', async () => {
    renderWithProviders(<CertificatesPage serviceName={gra} />, { route: '/certificates' });
    const table = await screen.findByRole('table', { name: 'Certificates' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    expect(within(table).getByRole('row', { name: /api \(Let's Encrypt\)/ })).toHaveTextContent('Renewed automatically');
    expect(screen.queryByText('Expiring soon')).toBeNull();
    expect(screen.getByRole('radio', { name: 'Expiring soon (0)' })).toBeInTheDocument();
  });

  it('renames with the whole object and confirms a delete naming the frontends that use it', async () => {
    const { user } = renderWithProviders(<CertificatesPage serviceName={gra} />, { route: '/certificates' });
    const table = await screen.findByRole('table', { name: 'Certificates' });
    await user.click(await within(table).findByRole('button', { name: 'Actions for Wildcard' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Rename' }));
    const name = await screen.findByRole('textbox', { name: /^Name/ });
    await user.clear(name);
    await user.type(name, 'Wildcard 2026');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(writes()).toHaveLength(1));
    const put = writes()[0]!;
    expect(put.method).toBe('PUT');
    expect(put.body).toMatchObject({
      displayName: 'Wildcard 2026',
      subject: expect.stringContaining('*.example.com'),
      san: ['*.example.com', 'example.com'],
    });
    expect(await within(table).findByRole('button', { name: 'Details of Wildcard 2026' })).toBeVisible();

    await user.click(within(table).getByRole('button', { name: 'Actions for Shop (Sectigo)' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete certificate Shop (Sectigo)?' });
    // like a farm in use: the frontends are named, and Delete is disabled with the reason
    expect(within(dialog).getByText(/1 frontend serves it by default/)).toBeVisible();
    expect(within(dialog).getByRole('listitem')).toHaveTextContent('shop-https (HTTP 443), zone gra');
    const remove = within(dialog).getByRole('button', { name: 'Delete certificate' });
    expect(remove).toBeDisabled();
    expect(remove).toHaveAccessibleDescription('Choose another certificate for these frontends first');
    await user.click(remove);
    expect(writes()).toHaveLength(1); // only the rename
  });

  it('shows the API refusal with its request id when a frontend started using the certificate meanwhile', async () => {
    const { user } = renderWithProviders(<CertificatesPage serviceName={gra} />, { route: '/certificates' });
    const table = await screen.findByRole('table', { name: 'Certificates' });
    const wildcard = await within(table).findByRole('row', { name: /Wildcard/ });
    await waitFor(() => expect(wildcard).toHaveTextContent('No frontend'));
    // another browser points frontend 1001 at the wildcard certificate (303): this page does not know yet
    context.sandbox.state.services[gra]!.frontends.http.find((frontend) => frontend.frontendId === 1001)!.defaultSslId = 303;

    await user.click(within(table).getByRole('button', { name: 'Actions for Wildcard' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete certificate Wildcard?' });
    expect(within(dialog).getByText('No frontend uses it as its default certificate.')).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Delete certificate' }));
    const refusal = await within(dialog).findByRole('alert');
    expect(refusal).toHaveTextContent(/1001/);
    expect(refusal).toHaveTextContent(/request id/);
    expect(writes()).toEqual([{ method: 'DELETE', path: `/ipLoadbalancing/${gra}/ssl/303`, body: undefined }]);
  });

  it('refuses invalid, wildcard and duplicate names for a free certificate, then orders valid ones', async () => {
    const { user } = renderWithProviders(<CertificatesPage serviceName={gra} />, { route: '/certificates' });
    await user.click(await screen.findByRole('button', { name: 'Order free certificate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Order a free certificate' });
    const field = within(dialog).getByRole('textbox', { name: 'Domain names' });
    await user.click(within(dialog).getByRole('button', { name: 'Order certificate' }));
    expect(await within(dialog).findByText('List at least one domain name')).toBeVisible();

    await user.type(field, '*.example.com bad_name shop.example.com SHOP.example.com{Enter}');
    expect(within(dialog).getByText(/cannot be wildcards/)).toBeVisible();
    expect(within(dialog).getByText(/"bad_name" is not a valid domain name/)).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Order certificate' }));
    expect(writes()).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Remove *.example.com' }));
    await user.click(within(dialog).getByRole('button', { name: 'Remove bad_name' }));
    await user.click(within(dialog).getByRole('button', { name: 'Order certificate' }));
    expect(await within(dialog).findByText('SHOP.example.com is listed twice')).toBeVisible();
    expect(writes()).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Remove SHOP.example.com' }));
    await user.type(field, 'www.example.com{Enter}');
    await user.click(within(dialog).getByRole('button', { name: 'Order certificate' }));
    await waitFor(() => expect(writes()).toHaveLength(1));
    expect(writes()[0]).toEqual({
      method: 'POST',
      path: `/ipLoadbalancing/${gra}/freeCertificate`,
      body: { fqdn: ['shop.example.com', 'www.example.com'] },
    });
    expect(await screen.findByText('Free certificate ordered')).toBeVisible();
  });
});
