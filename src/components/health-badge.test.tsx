import { screen } from '@testing-library/react';
import type { ServerState } from '@/api/generated';
import { countHealth, describeHealthCounts, HealthBadge, serverHealth, type HealthInput } from '@/components/health-badge';
import { renderWithProviders } from '@/testing/render';

const state = (status: string, extra: Partial<ServerState> = {}): ServerState => ({
  instanceId: 1,
  status,
  checkStatus: null,
  checkCode: null,
  checkTime: '2026-01-02T03:04:05Z',
  lastCheckContent: null,
  ...extra,
});

describe('serverHealth', () => {
  it('reads up, down, no probe and unknown from serverState', () => {
    expect(serverHealth({ status: 'active', probe: true, serverState: [state('UP'), { ...state('UP'), instanceId: 2 }] })).toBe('up');
    expect(serverHealth({ status: 'active', probe: true, serverState: [state('UP'), { ...state('DOWN'), instanceId: 2 }] })).toBe('down');
    expect(serverHealth({ status: 'active', probe: false, serverState: [state('no check')] })).toBe('no-probe');
    expect(serverHealth({ status: 'inactive', probe: true, serverState: [state('MAINT')] })).toBe('unknown');
    // nothing reported yet (created or changed since the last Apply): not checked yet, not "unknown"
    expect(serverHealth({ status: 'active', probe: true, serverState: [] })).toBe('not-checked');
    expect(serverHealth({ status: 'active', probe: true, serverState: [state('MAINT')] })).toBe('unknown');
    expect(serverHealth({ status: 'active' })).toBe('no-probe');
  });
});

describe('HealthBadge', () => {
  it('shows text and icon, and the last check of each instance on click', async () => {
    const { user } = renderWithProviders(
      <HealthBadge
        label="web-03"
        server={{ status: 'active', probe: true, serverState: [state('DOWN', { checkStatus: 'L4CON', lastCheckContent: 'Connection refused' })] }}
      />,
    );
    const button = screen.getByRole('button', { name: 'Health of web-03: down. Show details' });
    expect(button).toHaveTextContent('down');
    await user.click(button);
    const details = await screen.findByRole('dialog', { name: 'Last health check' });
    expect(details).toHaveTextContent('1 of 1 load balancer instances see this server down.');
    expect(details).toHaveTextContent('L4CON');
    expect(details).toHaveTextContent('Connection refused');
    // an unambiguous date (month in words), as on the tasks page, never 1/2/2026
    expect(details).toHaveTextContent(/Jan 2, 2026/);
    expect(details).not.toHaveTextContent('1/2/2026');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Last health check' })).not.toBeInTheDocument();
  });
});

describe('HealthBadge names', () => {
  const cases: [string, HealthInput, string][] = [
    ['up', { status: 'active', probe: true, serverState: [state('UP')] }, 'up'],
    ['unknown', { status: 'inactive', probe: true, serverState: [state('MAINT')] }, 'unknown'],
    ['not checked yet', { status: 'active', probe: true, serverState: [] }, 'not checked yet'],
    ['no probe', { status: 'active', probe: false, serverState: [state('no check')] }, 'no probe'],
  ];
  it.each(cases)('names the %s badge after the server and its health', async (_name, server, text) => {
    const { user } = renderWithProviders(<HealthBadge label="10.0.0.5" server={server} />);
    const button = screen.getByRole('button', { name: `Health of 10.0.0.5: ${text}. Show details` });
    expect(button).toHaveTextContent(text);
    if (text === 'not checked yet') {
      await user.click(button);
      expect(await screen.findByRole('dialog', { name: 'Last health check' })).toHaveTextContent(
        'Not checked yet: the load balancer checks this server once the configuration is applied.',
      );
    }
  });
});

describe('describeHealthCounts', () => {
  it('says what the servers that are not up are, in words', () => {
    const servers: HealthInput[] = [
      ...Array.from({ length: 24 }, (): HealthInput => ({ status: 'active', probe: true, serverState: [state('UP')] })),
      { status: 'active', probe: true, serverState: [state('DOWN')] },
      { status: 'active', probe: true, serverState: [] },
    ];
    expect(describeHealthCounts(countHealth(servers))).toBe('24 up · 1 down · 1 not checked yet');
  });
});
