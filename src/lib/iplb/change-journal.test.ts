import { MutationObserver } from '@tanstack/react-query';
import {
  changesFromMeta,
  clearZone,
  listChanges,
  recordChange,
  resetChangeJournal,
  subscribe,
} from '@/lib/iplb/change-journal';
import { createQueryClient } from '@/lib/query-client';

const service = 'loadbalancer-demo-multi';
const summaries = (zone?: string) => listChanges(service, zone).map((entry) => entry.summary);

describe('change journal', () => {
  beforeEach(() => resetChangeJournal());

  it('lists the writes per zone, `all`-zone writes in every zone until each is applied', () => {
    recordChange({ serviceName: service, zone: 'rbx', summary: 'Farm #2009 updated' });
    recordChange({ serviceName: service, zone: 'all', summary: 'Frontend #1006 updated' });
    recordChange({ serviceName: service, zone: 'sbg', summary: 'Server 10.0.0.5 added to farm #2008' });
    recordChange({ serviceName: 'other', zone: 'rbx', summary: 'elsewhere' });
    expect(summaries('rbx')).toEqual(['Farm #2009 updated', 'Frontend #1006 updated']);
    expect(summaries('sbg')).toEqual(['Frontend #1006 updated', 'Server 10.0.0.5 added to farm #2008']);

    clearZone(service, 'rbx');
    expect(summaries('rbx')).toEqual([]);
    expect(summaries('sbg')).toEqual(['Frontend #1006 updated', 'Server 10.0.0.5 added to farm #2008']);
    clearZone(service);
    expect(summaries()).toEqual([]);
    expect(listChanges('other', 'rbx')).toHaveLength(1);
  });

  it('notifies subscribers, survives a reload of the module through sessionStorage, and ignores malformed records', async () => {
    const listener = vi.fn();
    const unsubscribe = subscribe(listener);
    recordChange({ serviceName: service, zone: 'rbx', summary: '' });
    expect(listener).not.toHaveBeenCalled();
    recordChange({ serviceName: service, zone: 'rbx', summary: 'Route #7005 deleted' });
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();

    vi.resetModules();
    const reloaded = await import('@/lib/iplb/change-journal');
    expect(reloaded.listChanges(service, 'rbx').map((entry) => entry.summary)).toEqual([
      'Route #7005 deleted',
    ]);
  });

  it('reads `meta.change` as a record, a list or a function of the result and variables', () => {
    const record = { serviceName: service, zone: 'rbx', summary: 'a' };
    expect(changesFromMeta(undefined, null, null)).toEqual([]);
    expect(changesFromMeta({ change: record }, null, null)).toEqual([record]);
    expect(changesFromMeta({ change: [record, { zone: 'x' }] }, null, null)).toEqual([record]);
    expect(
      changesFromMeta(
        {
          change: (data: { id: number }, variables: { zone: string }) => ({
            serviceName: service,
            zone: variables.zone,
            summary: `Farm #${data.id} added`,
          }),
        },
        { id: 2011 },
        { zone: 'sbg' },
      ),
    ).toEqual([{ serviceName: service, zone: 'sbg', summary: 'Farm #2011 added' }]);
    expect(
      changesFromMeta(
        {
          change: () => {
            throw new Error('bad');
          },
        },
        null,
        null,
      ),
    ).toEqual([]);
  });

  it('is fed by the QueryClient: a successful mutation with `meta.change` is recorded, a failed one is not', async () => {
    const queryClient = createQueryClient();
    const meta = {
      change: (_data: unknown, variables: { name: string }) => ({
        serviceName: service,
        zone: 'sbg',
        summary: `Frontend #1008 '${variables.name}' updated`,
      }),
    };
    await new MutationObserver(queryClient, {
      mutationFn: async (_variables: { name: string }) => null,
      meta,
    }).mutate({ name: 'dns' });
    await expect(
      new MutationObserver(queryClient, {
        mutationFn: async (_variables: { name: string }) => Promise.reject(new Error('refused')),
        meta,
      }).mutate({ name: 'lost' }),
    ).rejects.toThrow('refused');
    await new MutationObserver(queryClient, {
      mutationFn: async (_variables: { name: string }) => null,
    }).mutate({ name: 'no meta' });
    expect(summaries('sbg')).toEqual(["Frontend #1008 'dns' updated"]);
  });
});
