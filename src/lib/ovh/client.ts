/** The OVH API client: builds, signs, throttles, retries and parses every call to one {@link ApiTarget}. */
import type { OperationKey } from '@/api/generated';
import type { ApiResponse, HttpMethod, Send, SendOptions } from './api-transport.ts';
import { networkError, OvhApiError, parseErrorResponse, type ErrorParseOptions } from './errors.ts';
import { serializeJsonBody } from './json-body.ts';
import { loadList, loadMany, type Id } from './list-loader.ts';
import { resolveOperation, type OperationArgs, type OperationResponse } from './operations.ts';
import { createRateLimiter, type RateLimiter, type RateLimitOptions } from './rate-limiter.ts';
import { encodePath, encodeQuery, trimTrailingSlash, type ApiPath, type QueryParams } from './request-url.ts';
import { resolveRetryOptions, retryDelay, type RetryOptions } from './retry-policy.ts';
import { signatureHeaders } from './signature.ts';
import { capabilitiesOf } from './target-capabilities.ts';
import type { ApiTarget } from './target.ts';
import { createTimeSync, isTimeDriftError, type TimeSync } from './time-sync.ts';

export interface OvhClientOptions {
  /** default: the global `fetch`, looked up at call time */
  fetch?: typeof fetch;
  /** client-side throttle; default 20 req/s with a burst of 20, off (`false`) for the sandbox */
  rateLimit?: RateLimitOptions | false;
  /** retries of GETs on 429/502/503/504/network errors; `false` for none */
  retry?: RetryOptions | false;
  /** waits between retries and for the rate limiter (default `setTimeout`) */
  sleep?: (ms: number) => Promise<void>;
  /** local clock in ms (default `Date.now`) */
  now?: () => number;
  /** prefer batch GETs (`X-Ovh-Batch`) over one GET per id (default false) */
  batch?: boolean;
  /** page size of expanded lists (default 5000) */
  pageSize?: number;
  /** most per-id GETs in flight when a list falls back to ids (default 8) */
  concurrency?: number;
}

export interface RequestOptions {
  query?: QueryParams;
  /** sent as compact JSON (non-ASCII as `\uXXXX`) */
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface ListOptions {
  query?: QueryParams;
  signal?: AbortSignal;
  pageSize?: number;
  batch?: boolean;
}

export interface GetManyOptions {
  signal?: AbortSignal;
  batch?: boolean;
  /** drop ids answered 404 instead of failing */
  skipMissing?: boolean;
}

export interface OvhClient {
  readonly target: ApiTarget;
  /** One call; `path` is relative to the API base. Resolves `null` for an empty answer. */
  request<T = unknown>(method: HttpMethod, path: ApiPath, options?: RequestOptions): Promise<T>;
  /** Like `request`, with the response status and headers. */
  send<T = unknown>(method: HttpMethod, path: ApiPath, options?: RequestOptions): Promise<ApiResponse<T>>;
  /** Every object of a list route (expanded list, batch, or one GET per id). */
  list<T>(path: ApiPath, options?: ListOptions): Promise<T[]>;
  /** The objects `${path}/${id}` for each id, in order. */
  getMany<T>(path: ApiPath, ids: readonly Id[], options?: GetManyOptions): Promise<T[]>;
  /** Typed call by operation key, e.g. `call('GET /ipLoadbalancing/{serviceName}', { path: { serviceName } })`. */
  call<K extends OperationKey>(key: K, ...args: OperationArgs<K>): Promise<OperationResponse<K>>;
  readonly timeSync: TimeSync;
}

export const defaultRateLimit: RateLimitOptions = { requestsPerSecond: 20, burst: 20 };
export const defaultPageSize = 5000;
export const defaultConcurrency = 8;

export function createOvhClient(target: ApiTarget, options: OvhClientOptions = {}): OvhClient {
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const retryOptions = resolveRetryOptions(options.retry);
  const targetRate = target.requestsPerSecond
    ? { requestsPerSecond: target.requestsPerSecond, burst: Math.ceil(target.requestsPerSecond) }
    : defaultRateLimit;
  const rateLimit = options.rateLimit ?? (target.kind === 'sandbox' ? false : targetRate);
  const limiter: RateLimiter | undefined = rateLimit ? createRateLimiter(rateLimit, { now, sleep }) : undefined;
  const requestBase = trimTrailingSlash(target.requestBase);
  const signatureBase = trimTrailingSlash(target.signatureBase);
  const credentials = target.credentials;
  const errorOptions: ErrorParseOptions = { redact: [credentials?.applicationSecret, credentials?.consumerKey], now };

  const timeSync = createTimeSync({
    fetchServerTime: async () => (await send<unknown>('GET', '/auth/time')).data,
    now,
  });

  const send: Send = async <T>(method: HttpMethod, encodedPath: string, sendOptions: SendOptions = {}) => {
    const pathAndQuery = encodedPath + encodeQuery(sendOptions.query);
    const body = sendOptions.body === undefined ? undefined : serializeJsonBody(sendOptions.body);
    const signed = isSigned(method, encodedPath);
    const { signal } = sendOptions;

    const attempt = async (): Promise<ApiResponse<T>> => {
      await limiter?.acquire(signal);
      const headers: Record<string, string> = { Accept: 'application/json', ...sendOptions.headers };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (credentials?.applicationKey) headers['X-Ovh-Application'] = credentials.applicationKey;
      if (signed && credentials?.consumerKey) {
        Object.assign(
          headers,
          await signatureHeaders({
            applicationKey: credentials.applicationKey,
            applicationSecret: credentials.applicationSecret,
            consumerKey: credentials.consumerKey,
            method,
            url: signatureBase + pathAndQuery,
            body: body ?? '',
            timestamp: await timeSync.timestamp(),
          }),
        );
      }

      let response: Response;
      try {
        response = await fetchImpl(requestBase + pathAndQuery, {
          method,
          headers,
          ...(body === undefined ? {} : { body }),
          ...(signal ? { signal } : {}),
        });
      } catch (cause) {
        if (signal?.aborted) throw signal.reason ?? cause;
        throw networkError(cause, method, pathAndQuery, errorOptions);
      }
      if (!response.ok) throw await parseErrorResponse(response, method, pathAndQuery, errorOptions);
      return { data: await readJson<T>(response, method, pathAndQuery), status: response.status, headers: response.headers };
    };

    let retries = 0;
    let resynced = false;
    for (;;) {
      try {
        return await attempt();
      } catch (error) {
        if (signal?.aborted || !(error instanceof OvhApiError)) throw error;
        if (signed && !resynced && isTimeDriftError(error)) {
          // The server refused before acting, so even a write can be sent again once.
          resynced = true;
          await timeSync.resync().catch(() => {
            throw error;
          });
          continue;
        }
        const delay =
          method === 'GET' && !(error.status === 0 && sendOptions.retryNetworkErrors === false)
            ? retryDelay(error, retries, retryOptions)
            : undefined;
        if (delay === undefined) throw error;
        retries++;
        await sleepUnlessAborted(sleep, delay, signal);
      }
    }
  };

  function isSigned(method: HttpMethod, encodedPath: string): boolean {
    if (!credentials?.applicationKey || !credentials.applicationSecret || !credentials.consumerKey) return false;
    if (method === 'GET' && encodedPath === '/auth/time') return false;
    if (method === 'POST' && encodedPath === '/auth/credential') return false;
    return true;
  }

  const listContext = {
    send,
    capabilities: capabilitiesOf(target),
    concurrency: options.concurrency ?? defaultConcurrency,
    pageSize: options.pageSize ?? defaultPageSize,
    batch: options.batch ?? false,
  };

  return {
    target,
    timeSync,
    send: (method, path, requestOptions) => send(method, encodePath(path), requestOptions),
    async request<T>(method: HttpMethod, path: ApiPath, requestOptions?: RequestOptions) {
      return (await send<T>(method, encodePath(path), requestOptions)).data as T;
    },
    list: (path, listOptions) => loadList(listContext, encodePath(path), listOptions),
    getMany: (path, ids, manyOptions) => loadMany(listContext, encodePath(path), ids, manyOptions),
    async call<K extends OperationKey>(key: K, ...args: OperationArgs<K>) {
      const params = (args[0] ?? {}) as RequestOptions & { path?: Record<string, string | number> };
      const { method, path } = resolveOperation(key, params.path);
      const { path: _path, ...requestOptions } = params;
      return (await send<OperationResponse<K>>(method, path, requestOptions)).data as OperationResponse<K>;
    },
  };
}

async function readJson<T>(response: Response, method: string, path: string): Promise<T | null> {
  const text = await response.text();
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as T | null;
  } catch (cause) {
    throw new OvhApiError({
      status: response.status,
      message: `The API answered ${method} ${path} with something that is not JSON`,
      method,
      path,
      ...(response.headers.get('X-Ovh-QueryID') ? { queryId: response.headers.get('X-Ovh-QueryID')! } : {}),
      cause,
    });
  }
}

function sleepUnlessAborted(sleep: (ms: number) => Promise<void>, ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return sleep(ms);
  signal.throwIfAborted();
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    sleep(ms).then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
