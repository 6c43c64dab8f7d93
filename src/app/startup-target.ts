import { isSandboxSeedName, sandboxSeedStorageKey, type SandboxSeedName } from '@/lib/sandbox-seed';
import { sandboxTarget, type ApiTarget } from '@/lib/ovh/target';

export type StartupTarget =
  | { kind: 'sandbox'; seed: SandboxSeedName; apiTarget: ApiTarget }
  | { kind: 'remote'; apiTarget: ApiTarget };

/**
 * The target the app starts on: the sandbox unless a real endpoint was configured.
 * `?sandbox=demo|empty|large` chooses (and remembers) the sandbox seed.
 */
export function resolveStartupTarget(location: Pick<Location, 'origin' | 'search'>): StartupTarget {
  const requested = new URLSearchParams(location.search).get('sandbox');
  if (isSandboxSeedName(requested)) localStorage.setItem(sandboxSeedStorageKey, requested);
  const stored = localStorage.getItem(sandboxSeedStorageKey);
  const seed = isSandboxSeedName(stored) ? stored : 'demo';
  return { kind: 'sandbox', seed, apiTarget: sandboxTarget(location.origin) };
}
