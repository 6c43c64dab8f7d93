import { setupServer } from 'msw/node';
import { configureApi } from '@/lib/api-client';
import { createOvhClient } from '@/lib/ovh/client';
import { sandboxTarget } from '@/lib/ovh/target';
import { sandboxHandlers } from '@/sandbox/msw-handlers';
import { createSandbox, type Sandbox, type SandboxOptions } from '@/sandbox/sandbox';

export interface RecordedRequest {
  method: string;
  /** path after /1.0, with the query string */
  path: string;
  body: unknown;
}

export const testOrigin = 'http://localhost';

/**
 * Serves a fresh sandbox to the code under test through msw/node, points the API client at it,
 * and records every request so tests can assert what the API received.
 * Call in a describe block: it registers its own beforeEach/afterEach.
 */
export function useTestSandbox(options: SandboxOptions = {}) {
  const context = { sandbox: undefined as unknown as Sandbox, requests: [] as RecordedRequest[] };
  const server = setupServer();

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  beforeEach(() => {
    context.sandbox = createSandbox({ seed: 'demo', ...options });
    context.requests = [];
    server.resetHandlers(...sandboxHandlers(context.sandbox));
    const target = sandboxTarget(testOrigin);
    configureApi(target, createOvhClient(target));
  });
  server.events.on('request:start', async ({ request }) => {
    const url = new URL(request.url);
    const text = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.clone().text();
    context.requests.push({
      method: request.method,
      path: url.pathname.replace(/^.*?\/1\.0/, '') + url.search,
      body: text ? JSON.parse(text) : undefined,
    });
  });
  return context;
}
