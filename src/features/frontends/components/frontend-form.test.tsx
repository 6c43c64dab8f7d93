import { screen, waitFor, within } from '@testing-library/react';
import { FrontendForm } from '@/features/frontends/components/frontend-form';
import { validateFrontendValues, emptyFrontendValues, sourcesConflict } from '@/features/frontends/components/frontend-form-values';
import { getFrontend } from '@/lib/iplb/frontend-queries';
import type { FrontendByProtocol, Protocol } from '@/lib/iplb/protocol';
import { callSandbox } from '@/sandbox/testing/call';
import { cutApi } from '@/testing/cut-api';
import { renderWithProviders } from '@/testing/render';
import { useTestSandbox, type RecordedRequest } from '@/testing/sandbox-server';

const serviceName = 'loadbalancer-demo-gra';
const GRA = `/ipLoadbalancing/${serviceName}`;

function renderForm<P extends Protocol>(protocol: P, frontend?: FrontendByProtocol[P]) {
  const onDone = vi.fn();
  const view = renderWithProviders(
    <FrontendForm serviceName={serviceName} protocol={protocol} frontend={frontend} onDone={onDone} onCancel={() => {}} />,
  );
  return { ...view, onDone };
}

const writes = (requests: RecordedRequest[], method: string) =>
  requests.filter((request) => request.method === method && /\/frontend(\/\d+)?$/.test(request.path));

async function zoneChosen() {
  await waitFor(() => expect(screen.getByRole('combobox', { name: /^zone/i })).toHaveValue('gra'), { timeout: 5000 });
}

async function chooseOption(user: ReturnType<typeof renderForm>['user'], label: RegExp | string, option: RegExp | string) {
  await user.click(screen.getByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }, { timeout: 5000 }));
}

describe('FrontendForm', () => {
  const context = useTestSandbox();
  afterEach(() => vi.restoreAllMocks());

  it('says when the zones and farms could not be loaded, sends nothing until Retry brings them, keeps what was typed', async () => {
    const outage = cutApi(/\/(zone|http\/farm)$/);
    const { user, onDone } = renderForm('http');
    await user.type(screen.getByLabelText('Name'), 'shop-alt');
    await user.type(screen.getByLabelText(/^Port\(s\)/), '8443');
    const alert = await screen.findByRole('alert', {}, { timeout: 10000 });
    await waitFor(() => expect(alert).toHaveTextContent('The zones and HTTP farms could not be loaded'));
    expect(alert).toHaveTextContent('Network error: no answer from the API for GET /ipLoadbalancing/');
    const create = screen.getByRole('button', { name: 'Create frontend' });
    expect(create).toBeDisabled();
    expect(create).toHaveAccessibleDescription('Nothing can be sent until the zones and HTTP farms are loaded.');
    expect(screen.getByRole('combobox', { name: /^Default farm/ })).toHaveAttribute('placeholder', 'Farms unavailable');

    outage.restore();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await zoneChosen();
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(screen.getByLabelText('Name')).toHaveValue('shop-alt');
    expect(create).toBeEnabled();
    await user.click(create);
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(writes(context.requests, 'POST')[0]?.body).toMatchObject({ displayName: 'shop-alt', port: '8443', zone: 'gra' });
  });

  it('creates an HTTP frontend with every HTTP field, sending only what was set', async () => {
    const { user, onDone } = renderForm('http');
    await zoneChosen();
    await user.type(screen.getByLabelText('Name'), 'shop-alt');
    await user.type(screen.getByLabelText(/^Port\(s\)/), '8443, 9000-9002');
    expect(screen.getByText('Listens on 8443, 9000–9002 (4 ports)')).toBeInTheDocument();
    await chooseOption(user, /^Default farm/, /shop-api/);
    await user.click(screen.getByRole('switch', { name: /^SSL/ }));
    await chooseOption(user, /^Default certificate/, /Wildcard/);
    await user.click(screen.getByRole('switch', { name: /^HSTS/ }));
    await user.type(screen.getByLabelText(/^HTTP headers to add/), 'X-Client-IP %ci{Enter}X-Client-Port %cp');
    await user.type(screen.getByLabelText('Allowed sources'), '203.0.113.0/24{Enter}198.51.100.7,');
    await user.type(screen.getByLabelText('Failover IPs'), '198.51.100.20/32{Enter}');
    await user.click(screen.getByRole('button', { name: 'Create frontend' }));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(writes(context.requests, 'POST')).toHaveLength(1);
    expect(writes(context.requests, 'POST')[0]!.body).toEqual({
      displayName: 'shop-alt',
      zone: 'gra',
      port: '8443,9000-9002',
      defaultFarmId: 2002,
      defaultSslId: 303,
      ssl: true,
      hsts: true,
      httpHeader: ['X-Client-IP %ci', 'X-Client-Port %cp'],
      allowedSource: ['203.0.113.0/24', '198.51.100.7'],
      dedicatedIpfo: ['198.51.100.20/32'],
    });
  });

  it('creates a TCP frontend with a deny-list, and offers only TCP farms', async () => {
    const { user, onDone } = renderForm('tcp');
    await zoneChosen();
    await user.type(screen.getByLabelText(/^Port\(s\)/), '6379');
    await user.click(screen.getByRole('combobox', { name: /^Default farm/ }));
    const options = (await screen.findAllByRole('option')).map((option) => option.textContent);
    expect(options).toEqual(['postgres-primary (#2004, gra)', 'smtp-relay (#2005, gra)']);
    await user.click(screen.getByRole('option', { name: /smtp-relay/ }));
    await user.type(screen.getByLabelText('Denied sources'), '192.0.2.0/24{Enter}');
    expect(screen.getByLabelText('Allowed sources')).toBeDisabled();
    expect(screen.getByText('Cannot be combined with denied sources: clear those to use an allow-list.')).toBeInTheDocument();
    expect(screen.queryByRole('switch', { name: /^HSTS/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create frontend' }));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(writes(context.requests, 'POST')[0]!.body).toEqual({ zone: 'gra', port: '6379', defaultFarmId: 2005, deniedSource: ['192.0.2.0/24'] });
  });

  it('creates a disabled UDP frontend, without the fields UDP does not have', async () => {
    const { user, onDone } = renderForm('udp');
    await zoneChosen();
    expect(screen.queryByRole('switch', { name: /^SSL/ })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Allowed sources')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Name'), 'dns-alt');
    await user.type(screen.getByLabelText(/^Port\(s\)/), '5353');
    await chooseOption(user, /^Default farm/, /dns-resolvers/);
    await user.click(screen.getByRole('switch', { name: /^Enabled/ }));
    await user.click(screen.getByRole('button', { name: 'Create frontend' }));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(writes(context.requests, 'POST')[0]!.body).toEqual({
      displayName: 'dns-alt',
      zone: 'gra',
      port: '5353',
      defaultFarmId: 2006,
      disabled: true,
    });
  });

  it('edits with a PUT of the whole object as GET returned it, with the changes', async () => {
    const original = await getFrontend(serviceName, 'tcp', 1003);
    const { user, onDone } = renderForm('tcp', original);
    expect(screen.getByRole('button', { name: 'Remove 198.51.100.0/24' })).toBeInTheDocument();
    await user.clear(screen.getByLabelText(/^Port\(s\)/));
    await user.type(screen.getByLabelText(/^Port\(s\)/), '5433');
    await user.type(screen.getByLabelText('Allowed sources'), '203.0.113.0/24{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [put] = writes(context.requests, 'PUT');
    expect(put!.path).toBe(`${GRA}/tcp/frontend/1003`);
    expect(put!.body).toEqual({ ...original, port: '5433', allowedSource: ['198.51.100.0/24', '203.0.113.0/24'] });
  });

  it.each([
    ['70000', 'Port 70000 is out of range: ports must be between 1 and 49151'],
    ['90-80', 'Invalid port range "90-80": the first port must be lower than the last one'],
    ['80,,443', 'Invalid port list "80,,443": empty item'],
    ['http', 'Invalid port "http": ports are whole numbers'],
    ['1-2-3', 'Invalid port range "1-2-3": use "first-last"'],
  ])('refuses the port spec %s as the user types, with the API message', async (spec, message) => {
    const { user } = renderForm('http');
    await zoneChosen();
    await user.type(screen.getByLabelText(/^Port\(s\)/), spec);
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(screen.getByLabelText(/^Port\(s\)/)).toHaveAttribute('aria-invalid', 'true');
    await user.click(screen.getByRole('button', { name: 'Create frontend' }));
    expect(writes(context.requests, 'POST')).toHaveLength(0);
  });

  it('refuses a bad CIDR block, a name over 50 characters and an invalid redirect URL', async () => {
    const { user } = renderForm('http');
    await zoneChosen();
    await user.type(screen.getByLabelText(/^Port\(s\)/), '80');
    await user.type(screen.getByLabelText('Name'), 'x'.repeat(51));
    expect(screen.getByText('Display name must be at most 50 characters (got 51)')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Allowed sources'), '10.0.0.5/8{Enter}');
    expect(screen.getByText('Allowed source "10.0.0.5/8" is not the start of its block: did you mean 10.0.0.0/8?')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Redirect to URL'), 'ftp://example.com');
    expect(screen.getByText('Redirect URL must start with http:// or https://')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Redirect to URL'));
    await user.type(screen.getByLabelText('Redirect to URL'), 'www.example.com');
    expect(screen.getByText('Redirect URL must be a full URL such as https://www.example.com')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create frontend' }));
    expect(writes(context.requests, 'POST')).toHaveLength(0);
    // the invalid block is kept, not silently dropped
    expect(screen.getByRole('button', { name: 'Remove 10.0.0.5/8' })).toBeInTheDocument();
  });

  it('refuses allowed and denied sources together', () => {
    const values = { ...emptyFrontendValues('gra'), port: '80', allowedSource: ['10.0.0.0/8'], deniedSource: ['192.0.2.0/24'] };
    const errors = validateFrontendValues('tcp', values, []);
    expect(errors.allowedSource).toBe(sourcesConflict);
    expect(errors.deniedSource).toBe(sourcesConflict);
    expect(validateFrontendValues('tcp', { ...values, deniedSource: [] }, []).allowedSource).toBeNull();
  });

  it('shows the API refusal with its request id and keeps everything typed', async () => {
    // a farm someone else deletes while the form is open
    const created = await callSandbox<{ farmId: number }>(context.sandbox, 'POST', `${GRA}/http/farm`, { body: { zone: 'gra', displayName: 'short-lived' } });
    const { user, onDone } = renderForm('http');
    await zoneChosen();
    await user.type(screen.getByLabelText('Name'), 'promo');
    await user.type(screen.getByLabelText(/^Port\(s\)/), '8080');
    await chooseOption(user, /^Default farm/, /short-lived/);
    await callSandbox(context.sandbox, 'DELETE', `${GRA}/http/farm/${created.body.farmId}`);
    await user.click(screen.getByRole('button', { name: 'Create frontend' }));

    const alert = await screen.findByRole('alert', { name: 'The API refused the change' });
    const refusal = new RegExp(`^Default farm ${created.body.farmId} does not exist \\(request id [\\w.-]+\\)$`);
    expect(within(alert).getByText(refusal)).toBeInTheDocument();
    // and next to the field it is about
    expect(screen.getAllByText(refusal)).toHaveLength(2);
    expect(onDone).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Name')).toHaveValue('promo');
    expect(screen.getByLabelText(/^Port\(s\)/)).toHaveValue('8080');
    expect(screen.getByRole('combobox', { name: /^Default farm/ })).toHaveValue(`short-lived (#${created.body.farmId}, gra)`);
  });
});
