/** The `/auth` calls of the connection flow (their models: src/lib/ovh/auth-types.ts). */
import { queryOptions } from '@tanstack/react-query';
import { api, type OvhClient } from '@/lib/api-client';
import type { ApiCredential, NewCredential } from '@/lib/ovh/auth-types';
import { requestedAccessRules, validationReturnPath } from '../connection-settings';

/** `POST /auth/credential` (unsigned, application key only): a consumer key for the IPLB routes. */
export function requestConsumerKey(client: OvhClient, appOrigin: string): Promise<NewCredential> {
  return client.request<NewCredential>('POST', '/auth/credential', {
    body: { accessRules: requestedAccessRules, redirection: new URL(validationReturnPath, appOrigin).href },
  });
}

/** `GET /auth/currentCredential` (signed). */
export function getCurrentCredential(client: OvhClient, signal?: AbortSignal): Promise<ApiCredential> {
  return client.request<ApiCredential>('GET', '/auth/currentCredential', signal ? { signal } : {});
}

/** `POST /auth/logout` (signed): the consumer key stops working. */
export async function logout(client: OvhClient): Promise<void> {
  await client.request('POST', '/auth/logout');
}

/** How often, and how many times, the page asks whether the user has validated the new key (2 s × 60 = 2 min). */
export const validationPollMs = 2000;
export const validationPollMax = 60;

export const connectionQueries = {
  all: () => ['connection'] as const,
  /**
   * The current credential of the configured target, named in the key by its request base only: keys and secrets
   * never go into a query key (they would show up in devtools and cache dumps). Changing keys reloads the app.
   */
  currentCredential: (requestBase: string) =>
    queryOptions({
      queryKey: [...connectionQueries.all(), 'current-credential', requestBase] as const,
      queryFn: ({ signal }) => getCurrentCredential(api(), signal),
      staleTime: 0,
      refetchInterval: (query) =>
        query.state.data?.status === 'pendingValidation' && query.state.dataUpdateCount < validationPollMax
          ? validationPollMs
          : false,
    }),
};
