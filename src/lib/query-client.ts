import { QueryClient } from '@tanstack/react-query';

/** One QueryClient for the app (and a fresh one per test). The OVH client retries GETs itself. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
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
