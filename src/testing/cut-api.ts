import { configureApi } from '@/lib/api-client';
import { createOvhClient } from '@/lib/ovh/client';
import { sandboxTarget } from '@/lib/ovh/target';
import { testOrigin } from '@/testing/sandbox-server';

/**
 * For tests: the API stops answering the paths matching `pattern` (fetch rejects, as when the API
 * server is stopped), the other paths still reach the test sandbox. The client's retries run
 * without waiting. Call inside a test after `useTestSandbox()`'s set-up; undo with
 * `vi.restoreAllMocks()` in an afterEach. `restore()` brings the API back.
 */
export function cutApi(pattern: RegExp) {
  const target = sandboxTarget(testOrigin);
  configureApi(target, createOvhClient(target, { sleep: () => Promise.resolve() }));
  const original = globalThis.fetch;
  const state = { down: true };
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (state.down && pattern.test(url.pathname)) return Promise.reject(new TypeError('Failed to fetch'));
    return original(input, init);
  });
  return {
    restore: () => {
      state.down = false;
    },
  };
}
