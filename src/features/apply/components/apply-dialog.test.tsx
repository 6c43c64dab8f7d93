import { MutationObserver } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import type { FrontendTcp } from '@/api/generated';
import { ApplyDialog } from '@/features/apply/components/apply-dialog';
import { applyConfiguration } from '@/features/apply/api/apply-mutations';
import { api } from '@/lib/api-client';
import { listChanges, resetChangeJournal } from '@/lib/iplb/change-journal';
import { createQueryClient } from '@/lib/query-client';
import { renderWithProviders } from '@/testing/render';
import { useTestSandbox, type RecordedRequest } from '@/testing/sandbox-server';

const multi = 'loadbalancer-demo-multi';
const large = 'loadbalancer-large-multi';

const refreshBodies = (requests: RecordedRequest[], serviceName: string) =>
  requests
    .filter(
      (request) => request.method === 'POST' && request.path === `/ipLoadbalancing/${serviceName}/refresh`,
    )
    .map((request) => request.body);

function openDialog(serviceName: string, queryClient = createQueryClient()) {
  const onClose = vi.fn();
  const rendered = renderWithProviders(<ApplyDialog serviceName={serviceName} opened onClose={onClose} />, {
    queryClient,
  });
  return { ...rendered, onClose };
}

describe('ApplyDialog (demo multi: rbx 2 changes, sbg 1)', () => {
  const context = useTestSandbox({ refreshDurationMs: 60_000 });
  beforeEach(() => resetChangeJournal());

  it('previews, per zone, the writes made from this browser (fed by mutations with meta.change), and forgets them once applied', async () => {
    const queryClient = createQueryClient();
    // what a frontends-feature mutation does: a real write, declared in its meta
    const path = ['ipLoadbalancing', multi, 'tcp', 'frontend', 1007];
    const rename = new MutationObserver(queryClient, {
      mutationFn: async (displayName: string) => {
        const frontend = await api().request<FrontendTcp>('GET', path);
        await api().request('PUT', path, { body: { ...frontend, displayName } });
        return { ...frontend, displayName };
      },
      meta: {
        change: (data: FrontendTcp) => ({
          serviceName: multi,
          zone: data.zone,
          summary: `Frontend #${data.frontendId} '${data.displayName}' updated`,
        }),
      },
    });
    await rename.mutate('postgres');
    context.requests.length = 0;

    const { user, onClose } = openDialog(multi, queryClient);
    const group = await screen.findByRole('group', { name: 'Zones to apply' });
    const rbxChanges = await within(group).findByRole('list', { name: 'Changes made from this browser (1)' });
    expect(rbxChanges).toHaveTextContent("Frontend #1007 'postgres' updated");
    // rbx now reports 3 changes, 1 of them made here
    expect(within(group).getByRole('checkbox', { name: /rbx — 3 changes/ })).toBeChecked();
    expect(within(group).getByText('The load balancer counts 2 more changes, made elsewhere.')).toBeVisible();
    expect(within(group).getAllByRole('list')).toHaveLength(1); // nothing recorded for sbg

    await user.click(within(group).getByRole('checkbox', { name: /sbg/ }));
    await user.click(screen.getByRole('button', { name: 'Apply rbx' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(refreshBodies(context.requests, multi)).toEqual([{ zone: 'rbx' }]);
    expect(listChanges(multi, 'rbx')).toEqual([]);
  });

  it('disables a zone whose apply is already running, says why, and applies the others one call each (never "all")', async () => {
    const running = await applyConfiguration(multi, 'rbx');
    context.requests.length = 0;
    const { user, onClose } = openDialog(multi);

    const rbx = await screen.findByRole('checkbox', { name: /rbx — 2 changes/ });
    expect(rbx).toBeDisabled();
    expect(rbx).not.toBeChecked();
    expect(
      screen.getByText(new RegExp(`already (waiting to start|running) \\(task ${running.id}\\)`)),
    ).toBeVisible();
    const sbg = screen.getByRole('checkbox', { name: /sbg — 1 change$/ });
    expect(sbg).toBeEnabled();
    expect(sbg).toBeChecked();
    expect(screen.getByText(/not "all zones": rbx is already being applied/)).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Apply sbg' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(refreshBodies(context.requests, multi)).toEqual([{ zone: 'sbg' }]);
  });

  it('applies every zone in one call when all the zones of the service are ticked', async () => {
    const { user, onClose } = openDialog(multi);
    await screen.findByRole('checkbox', { name: /rbx — 2 changes/ });
    await user.click(screen.getByRole('button', { name: 'Apply all 2 zones' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(refreshBodies(context.requests, multi)).toEqual([{}]);
  });

  it('applies the zones left ticked, one call each, and nothing when none is ticked', async () => {
    const { user, onClose } = openDialog(multi);
    const group = await screen.findByRole('group', { name: 'Zones to apply' });
    await user.click(within(group).getByRole('checkbox', { name: /rbx/ }));
    await user.click(within(group).getByRole('checkbox', { name: /sbg/ }));
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
    expect(screen.getByText('Tick at least one zone to apply.')).toBeVisible();
    await user.click(within(group).getByRole('checkbox', { name: /rbx/ }));
    await user.click(screen.getByRole('button', { name: 'Apply rbx' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(refreshBodies(context.requests, multi)).toEqual([{ zone: 'rbx' }]);
  });
});

describe('ApplyDialog (large: gra, rbx, sbg)', () => {
  const context = useTestSandbox({ seed: 'large', refreshDurationMs: 60_000 });
  const setPending = (counts: Record<string, number>) => {
    context.sandbox.state.services[large]!.pendingChanges = counts;
  };

  it('leaves a zone without changes unticked but selectable, and applies only the ticked zones', async () => {
    setPending({ gra: 1, rbx: 2, sbg: 0 });
    const { user, onClose } = openDialog(large);
    const sbg = await screen.findByRole('checkbox', { name: /sbg — 0 changes/ });
    expect(sbg).toBeEnabled();
    expect(sbg).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: /gra — 1 change$/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /rbx — 2 changes/ })).toBeChecked();
    expect(screen.queryByRole('button', { name: /all/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Apply gra and rbx' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(refreshBodies(context.requests, large)).toEqual([{ zone: 'gra' }, { zone: 'rbx' }]);
  });

  it('uses "all zones" once the zone without changes is ticked too', async () => {
    setPending({ gra: 1, rbx: 2, sbg: 0 });
    const { user, onClose } = openDialog(large);
    await user.click(await screen.findByRole('checkbox', { name: /sbg — 0 changes/ }));
    await user.click(screen.getByRole('button', { name: 'Apply all 3 zones' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(refreshBodies(context.requests, large)).toEqual([{}]);
  });

  it('sends one call per ticked zone when a zone is being applied, even with the others all ticked', async () => {
    setPending({ gra: 1, rbx: 2, sbg: 3 });
    await applyConfiguration(large, 'gra');
    context.requests.length = 0;
    const { user, onClose } = openDialog(large);
    expect(await screen.findByRole('checkbox', { name: /gra — 1 change$/ })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Apply rbx and sbg' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(refreshBodies(context.requests, large)).toEqual([{ zone: 'rbx' }, { zone: 'sbg' }]);
  });
});
