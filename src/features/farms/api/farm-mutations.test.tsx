import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { BackendHttp } from '@/api/generated';
import { useUpdateFarm } from '@/features/farms/api/farm-mutations';
import { listChanges, resetChangeJournal } from '@/lib/iplb/change-journal';
import { farmQueries } from '@/lib/iplb/farm-queries';
import { createQueryClient } from '@/lib/query-client';
import { useTestSandbox } from '@/testing/sandbox-server';

const service = 'loadbalancer-demo-gra';

describe('farm writes feed the Apply preview', () => {
  const context = useTestSandbox();
  beforeEach(() => resetChangeJournal());

  it('records an update under the farm zone, in words, once the API accepted it', async () => {
    const queryClient = createQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    const farm = await queryClient.fetchQuery(farmQueries.detail(service, 'http', 2001));
    const { result } = renderHook(() => useUpdateFarm(service, 'http'), { wrapper });

    act(() => result.current.mutate({ ...(farm as BackendHttp), displayName: 'shop-web-renamed' }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(listChanges(service, 'gra').map((entry) => entry.summary)).toEqual(['HTTP farm shop-web-renamed updated']);

    // a refused write is not recorded
    act(() => result.current.mutate({ ...(farm as BackendHttp), port: 70000 }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(listChanges(service, 'gra')).toHaveLength(1);
    expect(context.requests.filter((request) => request.method === 'PUT')).toHaveLength(2);
  });
});
