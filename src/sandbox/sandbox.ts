import type { OperationSpec } from '@/api/generated';
import type { HandlerContext, HandlerTable } from './context';
import { badRequest, invalidUrl, notImplemented, SandboxApiError } from './errors';
import { farmHandlers } from './handlers/farms';
import { frontendHandlers } from './handlers/frontends';
import { routeHandlers } from './handlers/routes';
import { serverHandlers } from './handlers/servers';
import { serviceHandlers } from './handlers/service';
import { sslHandlers } from './handlers/ssl';
import { taskHandlers } from './handlers/tasks';
import { errorResponse, jsonResponse } from './http';
import { pageHeaders, pageOf, pageRequestOf } from './pagination';
import { detailOperationOf, matchOperation, operationKey } from './router';
import { buildSeed } from './seeds/index';
import { STATE_VERSION, type SandboxState, type SeedName } from './state';
import { advanceTasks } from './tasks';
import { checkBodyParameters, checkPathParameters, checkQueryParameters } from './validate';

export type { SandboxState, SeedName } from './state';

export interface SandboxOptions {
  seed?: SeedName;
  clock?: { now(): number };
  storage?: SandboxStorage;
  /** how long a refresh task takes from creation to done; default 6000 ms */
  refreshDurationMs?: number;
}

export interface SandboxStorage {
  load(): SandboxState | null;
  save(state: SandboxState): void;
}

export interface Sandbox {
  /** apiPath is the path after the API version prefix, e.g. `/ipLoadbalancing/lb-1/http/farm`, with the query kept on request.url */
  handle(request: Request, apiPath: string): Promise<Response>;
  reset(seed?: SeedName): void;
  readonly state: SandboxState; // serialisable (JSON) snapshot source
}

export const DEFAULT_REFRESH_DURATION_MS = 6000;

const handlers: HandlerTable = {
  ...serviceHandlers(),
  ...frontendHandlers(),
  ...farmHandlers(),
  ...serverHandlers(),
  ...routeHandlers(),
  ...sslHandlers(),
  ...taskHandlers(),
};

function isUsableState(value: unknown): value is SandboxState {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as SandboxState).version === STATE_VERSION &&
    typeof (value as SandboxState).services === 'object'
  );
}

async function readBody(request: Request): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'DELETE' || request.method === 'HEAD') return undefined;
  const text = await request.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('Invalid JSON received');
  }
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const clock = options.clock ?? { now: () => Date.now() };
  const refreshDurationMs = options.refreshDurationMs ?? DEFAULT_REFRESH_DURATION_MS;
  const storage = options.storage;

  let state: SandboxState;
  const loaded = storage?.load() ?? null;
  if (isUsableState(loaded) && (options.seed === undefined || loaded.seed === options.seed)) {
    state = loaded;
  } else {
    state = buildSeed(options.seed ?? 'demo', clock.now());
  }

  const save = () => storage?.save(state);

  /** Run one operation; returns the JSON body and extra headers. */
  async function run(
    spec: OperationSpec,
    rawParams: Record<string, string>,
    request: Request,
    url: URL,
    rawBody: unknown,
    now: number,
  ): Promise<unknown> {
    const handler = handlers[operationKey(spec)];
    if (!handler) throw notImplemented(`${spec.method} ${spec.path}`);
    const hasWholeBody = spec.parameters.some((parameter) => parameter.in === 'body' && !parameter.name);
    const hasNamedBody = spec.parameters.some((parameter) => parameter.in === 'body' && parameter.name);
    const ctx: HandlerContext = {
      state,
      now,
      refreshDurationMs,
      spec,
      params: checkPathParameters(spec, rawParams),
      query: checkQueryParameters(spec, url.searchParams),
      body: hasNamedBody ? checkBodyParameters(spec, rawBody) : {},
      rawBody,
      request,
    };
    if (hasWholeBody && (rawBody === undefined || rawBody === null)) throw badRequest('Missing the object as request body');
    return await handler(ctx);
  }

  async function handle(request: Request, apiPath: string): Promise<Response> {
    const now = clock.now();
    try {
      if (advanceTasks(state, now)) save();
      const url = new URL(request.url);
      const path = (apiPath.split('?')[0] ?? '').replace(/\/+$/, '') || '/';
      const method = request.method.toUpperCase();

      if (method === 'GET' && path === '/auth/time') return jsonResponse(200, Math.floor(now / 1000), now);

      const batchSeparator = request.headers.get('X-Ovh-Batch');
      if (batchSeparator && method === 'GET') {
        const slash = path.lastIndexOf('/');
        const keys = path.slice(slash + 1).split(batchSeparator);
        const parent = path.slice(0, slash);
        const results = [];
        for (const key of keys) {
          const match = matchOperation(method, `${parent}/${encodeURIComponent(key)}`);
          if (!match) throw invalidUrl();
          try {
            results.push({ key, value: await run(match.spec, match.params, request, url, undefined, now) });
          } catch (error) {
            if (!(error instanceof SandboxApiError)) throw error;
            results.push({ key, error: error.message });
          }
        }
        return jsonResponse(200, results, now);
      }

      const match = matchOperation(method, path);
      if (!match) throw invalidUrl();
      const rawBody = await readBody(request);

      const page = method === 'GET' ? pageRequestOf(request.headers) : null;
      const detail = page ? detailOperationOf(match.spec) : null;
      if (page && detail) {
        const ids = (await run(match.spec, match.params, request, url, undefined, now)) as Array<string | number>;
        const detailUrl = new URL(url.origin + url.pathname);
        const objects = [];
        for (const id of pageOf(ids, page)) {
          objects.push(await run(detail.spec, { ...match.params, [detail.param]: String(id) }, request, detailUrl, undefined, now));
        }
        return jsonResponse(200, objects, now, pageHeaders(ids.length, page));
      }

      const result = await run(match.spec, match.params, request, url, rawBody, now);
      if (method !== 'GET') save();
      return jsonResponse(200, result ?? null, now);
    } catch (error) {
      if (error instanceof SandboxApiError) return errorResponse(error, now);
      const message = error instanceof Error ? error.message : String(error);
      return jsonResponse(500, { class: 'Server::InternalServerError', message: `Sandbox failure: ${message}` }, now);
    }
  }

  return {
    handle,
    reset(seed?: SeedName) {
      state = buildSeed(seed ?? state.seed ?? 'demo', clock.now());
      save();
    },
    get state() {
      return state;
    },
  };
}
