import { MutationCache, QueryClient } from '@tanstack/react-query';
import { changesFromMeta, recordChange } from '@/lib/iplb/change-journal';

/**
 * One QueryClient for the app (and a fresh one per test). The OVH client retries GETs itself.
 * Every successful mutation whose `meta.change` describes a configuration write is recorded in the
 * change journal (`@/lib/iplb/change-journal`), which the Apply dialog previews per zone.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    mutationCache: new MutationCache({
      onSuccess: (data, variables, _onMutateResult, mutation) => {
        for (const change of changesFromMeta(mutation.options.meta, data, variables)) recordChange(change);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 10 * 60_000,
        retry: false,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
