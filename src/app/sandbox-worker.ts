/**
 * Starts the simulated API in the browser: a service worker (MSW) answers every request under
 * `/sandbox/1.0`. Loaded lazily, so a build used only against real endpoints never downloads it.
 */
import { setupWorker } from 'msw/browser';
import { createBrowserStorage, sandboxStorageKey } from '@/sandbox/browser-storage';
import { sandboxHandlers } from '@/sandbox/msw-handlers';
import { createSandbox } from '@/sandbox/sandbox';
import { sandboxSeedStorageKey, type SandboxSeedName } from '@/lib/sandbox-seed';
import { sandboxBasePath } from '@/lib/ovh/target';

export async function startBrowserSandbox(seed: SandboxSeedName): Promise<void> {
  const sandbox = createSandbox({ seed, storage: createBrowserStorage({ seed }) });
  const worker = setupWorker(...sandboxHandlers(sandbox, sandboxBasePath));
  await worker.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}

/** Forgets what was changed in a data set and makes it the one loaded next. */
export function resetBrowserSandbox(seed: SandboxSeedName): void {
  localStorage.removeItem(sandboxStorageKey(seed));
  localStorage.setItem(sandboxSeedStorageKey, seed);
}
