import { createOvhClient } from '@/lib/ovh/client';
import type { ApiTarget } from '@/lib/ovh/target';

export type OvhClient = ReturnType<typeof createOvhClient>;

let currentTarget: ApiTarget | undefined;
let currentClient: OvhClient | undefined;

/** Points every fetcher at a target. Called once at start-up, and again when the user changes connection. */
export function configureApi(target: ApiTarget, client: OvhClient = createOvhClient(target)): void {
  currentTarget = target;
  currentClient = client;
}

/** The API client for the current target. */
export function api(): OvhClient {
  if (!currentClient) throw new Error('The API target is not configured yet');
  return currentClient;
}

export function apiTarget(): ApiTarget {
  if (!currentTarget) throw new Error('The API target is not configured yet');
  return currentTarget;
}
