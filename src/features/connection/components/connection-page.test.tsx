import { screen, waitFor, within } from '@testing-library/react';
import { configureApi } from '@/lib/api-client';
import { createOvhClient } from '@/lib/ovh/client';
import { sandboxTarget } from '@/lib/ovh/target';
import type { SandboxState } from '@/sandbox/sandbox';
import { type SandboxFactory, type SandboxServer, startSandboxServer } from '@/sandbox/server/server';
import { renderWithProviders } from '@/testing/render';
import { connectionStorageKey, savedTarget } from '../connection-settings';
import { ConnectionPage } from './connection-page';

/** The connection flow only needs /auth routes, which the sandbox server answers itself. */
const noApi: SandboxFactory = () => ({
  state: { seed: 'demo' } as unknown as SandboxState,
  reset() {},
  handle: async () => Response.json(['loadbalancer-test']),
});

const keys = {
  applicationKey: 'uiAppKey00000001',
  applicationSecret: 'uiSecret000000000000000000000001',
  consumerKey: 'uiConsumer0000000000000000000001',
};

let server: SandboxServer;
beforeEach(async () => {
  server = await startSandboxServer({ createSandbox: noApi, auth: keys });
  sessionStorage.clear();
  localStorage.clear();
  configureApi(sandboxTarget(window.location.origin));
});
afterEach(async () => {
  await server.close();
});

function renderPage(route = '/connection') {
  const navigate = vi.fn<(url: string) => void>();
  const view = renderWithProviders(<ConnectionPage navigate={navigate} />, { route, path: '/connection' });
  return { ...view, navigate };
}

async function fillCustomTarget(
  user: ReturnType<typeof renderPage>['user'],
  values: { secret?: string; consumerKey?: string } = {},
) {
  const paste = async (field: HTMLElement, text: string) => {
    await user.click(field);
    await user.paste(text);
  };
  await user.click(screen.getByRole('radio', { name: /Custom base URL/ }));
  await paste(screen.getByRole('textbox', { name: 'API base URL' }), server.url);
  await paste(screen.getByRole('textbox', { name: 'Application key' }), keys.applicationKey);
  await paste(screen.getByLabelText('Application secret'), values.secret ?? keys.applicationSecret);
  if (values.consumerKey !== '') {
    await paste(screen.getByLabelText(/^Consumer key/), values.consumerKey ?? keys.consumerKey);
  }
}

function storedText() {
  return [
    ...Object.keys(sessionStorage).map((key) => sessionStorage.getItem(key)),
    ...Object.keys(localStorage).map((key) => localStorage.getItem(key)),
  ].join('\n');
}

describe('Connection page', () => {
  it('starts on the sandbox and explains the proxy for OVH targets', async () => {
    const { user } = renderPage();
    expect(screen.getByRole('heading', { name: 'Connected to Sandbox' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /^Sandbox/ })).toBeChecked();
    expect(screen.queryByLabelText('Application secret')).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: /OVH Europe/ }));
    expect(screen.getByRole('radio', { name: /Through this app's proxy/ })).toBeChecked();
    expect(screen.getByText(/lets other web sites use only GET and POST/)).toBeInTheDocument();
    expect(screen.getByText(/Calls go to http:\/\/localhost(:\d+)?\/ovh\/eu\/1\.0/)).toBeInTheDocument();
    // The secret is masked.
    expect(screen.getByLabelText('Application secret')).toHaveAttribute('type', 'password');
  });

  it('shows a wrong secret as a clear error with the request id, and keeps nothing', async () => {
    const { user, navigate } = renderPage();
    await fillCustomTarget(user, { secret: 'wrongSecret00000000000000000000' });
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not connect with these keys');
    expect(alert).toHaveTextContent(/Invalid signature \(request id SBX\.[\w.-]+\)/);
    expect(alert).toHaveTextContent('Check the application secret and the consumer key.');
    expect(document.body.textContent).not.toContain('wrongSecret');
    expect(navigate).not.toHaveBeenCalled();
    expect(storedText()).toBe('');
  });

  it('checks the keys, keeps them in this tab only, and opens the dashboard', async () => {
    const { user, navigate } = renderPage();
    await fillCustomTarget(user);
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/'));
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.getItem(connectionStorageKey)).toContain(keys.consumerKey);
    expect(savedTarget(window.location.origin)).toMatchObject({ kind: 'custom', requestBase: server.url });
  });

  it('remembers the keys on this device only when asked, with a warning', async () => {
    const { user, navigate } = renderPage();
    await fillCustomTarget(user);
    await user.click(screen.getByRole('checkbox', { name: /Remember on this device/ }));
    expect(screen.getByText(/readable by anyone who uses this browser profile/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/'));
    expect(sessionStorage.length).toBe(0);
    expect(localStorage.getItem(connectionStorageKey)).toContain(keys.applicationSecret);
  });

  it('refuses to connect without a consumer key and says how to get one', async () => {
    const { user, navigate } = renderPage();
    await fillCustomTarget(user, { consumerKey: '' });
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByText(/Paste your consumer key, or create one/)).toBeInTheDocument();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('creates a consumer key, sends the user to validate it, and shows it validated on return', async () => {
    const first = renderPage();
    await fillCustomTarget(first.user, { consumerKey: '' });
    await first.user.click(screen.getByRole('button', { name: 'Create a consumer key' }));

    await waitFor(() => expect(first.navigate).toHaveBeenCalledTimes(1));
    const validationUrl = first.navigate.mock.calls[0]![0];
    expect(validationUrl).toMatch(new RegExp(`^${server.origin}/auth/validate\\?credentialToken=`));
    const saved = JSON.parse(sessionStorage.getItem(connectionStorageKey)!) as {
      credentials: { consumerKey: string };
      pendingValidation: boolean;
    };
    expect(saved.pendingValidation).toBe(true);
    const created = server.store.findByConsumerKey(saved.credentials.consumerKey)!;
    expect(created.rules).toContainEqual({ method: 'DELETE', path: '/ipLoadbalancing/*' });
    expect(created.redirection).toBe(`${window.location.origin}/connection?validated=1`);
    first.unmount();

    // The user approves on the validation page.
    const approved = await fetch(`${server.origin}/auth/validate`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        credentialToken: new URL(validationUrl).searchParams.get('credentialToken')!,
        decision: 'approve',
        validity: '86400',
      }).toString(),
    });
    expect(approved.headers.get('location')).toBe(`${window.location.origin}/connection?validated=1`);

    // Back in the app (main.tsx configured the saved target).
    const target = savedTarget(window.location.origin)!;
    configureApi(target, createOvhClient(target));
    renderPage('/connection?validated=1');
    expect(await screen.findByText('Consumer key validated')).toBeInTheDocument();
    const rules = screen.getByRole('table', { name: 'Rights of this consumer key' });
    expect(within(rules).getAllByText('/ipLoadbalancing/*')).toHaveLength(4);
    expect(screen.getByText('Validated')).toBeInTheDocument();
    await waitFor(() =>
      expect(sessionStorage.getItem(connectionStorageKey)).not.toContain('pendingValidation'),
    );
  });

  it('logs out: revokes the key and leaves nothing in either storage', async () => {
    const settings = {
      target: 'custom',
      transport: 'proxy',
      customBase: server.url,
      credentials: keys,
    };
    sessionStorage.setItem(connectionStorageKey, JSON.stringify(settings));
    localStorage.setItem(connectionStorageKey, JSON.stringify(settings));
    const target = savedTarget(window.location.origin)!;
    configureApi(target, createOvhClient(target));
    const { user, navigate } = renderPage();
    expect(await screen.findByText('Validated')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Log out' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/connection?logged-out=1'));
    expect(sessionStorage.getItem(connectionStorageKey)).toBeNull();
    expect(localStorage.getItem(connectionStorageKey)).toBeNull();
    expect(server.store.findByConsumerKey(keys.consumerKey)?.status).toBe('expired');
  });

  it('says the API cannot be reached, not that the key was refused, when the server is down', async () => {
    const settings = { target: 'custom', transport: 'proxy', customBase: server.url, credentials: keys };
    sessionStorage.setItem(connectionStorageKey, JSON.stringify(settings));
    const target = savedTarget(window.location.origin)!;
    await server.close();
    configureApi(target, createOvhClient(target, { retry: false }));
    renderPage();
    expect(
      await screen.findByRole('alert', { name: 'The API cannot be reached: the key could not be checked' }),
    ).toHaveTextContent('Network error');
    expect(screen.queryByText('The consumer key was refused')).not.toBeInTheDocument();
    server = await startSandboxServer({ createSandbox: noApi, auth: keys });
  });
});
