import type { SandboxState, SandboxStorage } from './sandbox';
import type { SeedName } from './state';

export const SANDBOX_STORAGE_PREFIX = 'iplb-console.sandbox-state';

export function sandboxStorageKey(seed: SeedName, prefix = SANDBOX_STORAGE_PREFIX): string {
  return `${prefix}.${seed}`;
}

export interface BrowserStorageOptions {
  /** which seed's saved state to load (each seed has its own key) */
  seed: SeedName;
  /** defaults to window.localStorage; pass sessionStorage or a fake in tests */
  storage?: Storage;
  prefix?: string;
  /** called when saving fails (quota exceeded, private mode…); default: console.warn once */
  onError?: (error: unknown) => void;
}

function defaultStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * localStorage persistence of the sandbox, one key per seed. Reads and writes never throw:
 * a corrupt entry is ignored, a full storage only warns (the sandbox keeps working in memory).
 */
export function createBrowserStorage(options: BrowserStorageOptions): SandboxStorage {
  const storage = options.storage ?? defaultStorage();
  const prefix = options.prefix ?? SANDBOX_STORAGE_PREFIX;
  let warned = false;
  const onError =
    options.onError ??
    ((error: unknown) => {
      if (warned) return;
      warned = true;
      console.warn('The sandbox state could not be saved in the browser storage; changes stay in memory only.', error);
    });
  return {
    load() {
      if (!storage) return null;
      try {
        const text = storage.getItem(sandboxStorageKey(options.seed, prefix));
        return text ? (JSON.parse(text) as SandboxState) : null;
      } catch {
        return null;
      }
    },
    save(state) {
      if (!storage) return;
      try {
        storage.setItem(sandboxStorageKey(state.seed, prefix), JSON.stringify(state));
      } catch (error) {
        onError(error);
      }
    },
  };
}

/** Forget every saved sandbox state (all seeds). */
export function clearBrowserSandboxStorage(storage: Storage | undefined = defaultStorage(), prefix = SANDBOX_STORAGE_PREFIX): void {
  if (!storage) return;
  try {
    for (const seed of ['demo', 'empty', 'large'] as const) storage.removeItem(sandboxStorageKey(seed, prefix));
  } catch {
    // storage unavailable: nothing to clear
  }
}
