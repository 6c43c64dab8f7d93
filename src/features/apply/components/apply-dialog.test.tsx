import { screen, waitFor, within } from '@testing-library/react';
import { ApplyDialog } from '@/features/apply/components/apply-dialog';
import { applyConfiguration } from '@/features/apply/api/apply-mutations';
import { renderWithProviders } from '@/testing/render';
import { useTestSandbox } from '@/testing/sandbox-server';

const serviceName = 'loadbalancer-demo-multi';

describe('ApplyDialog', () => {
  const context = useTestSandbox({ refreshDurationMs: 60_000 });

  it('disables a zone whose apply is already running, says why, and applies the chosen zone', async () => {
    const running = await applyConfiguration(serviceName, 'rbx');
    context.requests.length = 0;
    const onClose = vi.fn();
    const { user } = renderWithProviders(<ApplyDialog serviceName={serviceName} opened onClose={onClose} />);

    const rbx = await screen.findByRole('checkbox', { name: /rbx — 2 changes/ });
    expect(rbx).toBeDisabled();
    expect(rbx).not.toBeChecked();
    expect(
      screen.getByText(new RegExp(`already (waiting to start|running) \\(task ${running.id}\\)`)),
    ).toBeVisible();
    const sbg = screen.getByRole('checkbox', { name: /sbg — 1 change$/ });
    expect(sbg).toBeEnabled();
    expect(sbg).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Apply 1 zone' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(context.requests.filter((request) => request.method === 'POST')).toEqual([
      { method: 'POST', path: `/ipLoadbalancing/${serviceName}/refresh`, body: { zone: 'sbg' } },
    ]);
  });

  it('applies every zone in one call when all zones are chosen', async () => {
    const onClose = vi.fn();
    const { user } = renderWithProviders(<ApplyDialog serviceName={serviceName} opened onClose={onClose} />);
    await screen.findByRole('checkbox', { name: /rbx — 2 changes/ });
    await user.click(screen.getByRole('button', { name: 'Apply all zones' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(context.requests.filter((request) => request.method === 'POST')).toEqual([
      { method: 'POST', path: `/ipLoadbalancing/${serviceName}/refresh`, body: {} },
    ]);
  });

  it('applies the zones left ticked, one call each, and nothing when none is ticked', async () => {
    const onClose = vi.fn();
    const { user } = renderWithProviders(<ApplyDialog serviceName={serviceName} opened onClose={onClose} />);
    const group = await screen.findByRole('group', { name: 'Zones to apply' });
    await user.click(within(group).getByRole('checkbox', { name: /rbx/ }));
    await user.click(within(group).getByRole('checkbox', { name: /sbg/ }));
    expect(screen.getByRole('button', { name: 'Apply 0 zones' })).toBeDisabled();
    await user.click(within(group).getByRole('checkbox', { name: /rbx/ }));
    await user.click(screen.getByRole('button', { name: 'Apply 1 zone' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(
      context.requests.filter((request) => request.method === 'POST').map((request) => request.body),
    ).toEqual([{ zone: 'rbx' }]);
  });
});
