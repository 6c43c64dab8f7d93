import { http, HttpResponse, type RequestHandler } from 'msw';
import type { Sandbox } from './sandbox';
import type { SeedName } from './state';

const seedNames: readonly SeedName[] = ['demo', 'empty', 'large'];

/**
 * msw 2 handlers serving the sandbox on any origin under `basePath`:
 * `POST {basePath}/__sandbox/reset` (body `{ seed? }`) and everything else delegated to `sandbox.handle`.
 */
export function sandboxHandlers(sandbox: Sandbox, basePath = '/sandbox/1.0'): RequestHandler[] {
  const base = basePath.replace(/\/+$/, '');
  return [
    http.post(`*${base}/__sandbox/reset`, async ({ request }) => {
      let seed: unknown;
      const text = await request.text();
      if (text.trim() !== '') {
        try {
          seed = (JSON.parse(text) as { seed?: unknown }).seed;
        } catch {
          return HttpResponse.json({ class: 'Client::BadRequest', message: 'Invalid JSON received' }, { status: 400 });
        }
      }
      if (seed !== undefined && !seedNames.includes(seed as SeedName)) {
        return HttpResponse.json(
          { class: 'Client::BadRequest', message: `Unknown seed "${String(seed)}": use one of ${seedNames.join(', ')}` },
          { status: 400 },
        );
      }
      sandbox.reset(seed as SeedName | undefined);
      return HttpResponse.json({ seed: sandbox.state.seed });
    }),
    http.all(`*${base}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const index = url.pathname.indexOf(base);
      const apiPath = url.pathname.slice(index + base.length) || '/';
      return sandbox.handle(request, apiPath);
    }),
  ];
}
