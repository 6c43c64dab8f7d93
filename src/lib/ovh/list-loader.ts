/**
 * Loading whole collections: expanded lists (`X-Pagination-Mode: CachedObjectList-Pages`), batch GETs
 * (`X-Ovh-Batch`) and, when the server supports neither, one GET per id with bounded concurrency.
 */
import type { Send } from './api-transport.ts';
import { OvhApiError } from './errors.ts';
import { mapWithConcurrency } from './map-with-concurrency.ts';
import { encodeComponent, type QueryParams } from './request-url.ts';
import type { TargetCapabilities } from './target-capabilities.ts';

export interface ListLoaderContext {
  send: Send;
  capabilities: TargetCapabilities;
  /** most per-id GETs in flight at once */
  concurrency: number;
  /** default page size of expanded lists */
  pageSize: number;
  /** prefer batch GETs to per-id GETs by default */
  batch: boolean;
}

export interface LoadListOptions {
  query?: QueryParams;
  signal?: AbortSignal;
  pageSize?: number;
  batch?: boolean;
}

export interface LoadManyOptions {
  signal?: AbortSignal;
  batch?: boolean;
  /** drop ids answered 404 (deleted since they were listed) instead of failing */
  skipMissing?: boolean;
}

export type Id = string | number;

export const batchChunkSize = 50;
/** pages of an expanded list fetched at once after the first one */
const pageConcurrency = 4;
/** safety stop when pages are walked without a known total */
const maxPagesWithoutTotal = 10_000;
/** statuses meaning "this server does not do that": fall back to the plain way (0 = e.g. CORS preflight refused) */
const refusalStatuses: ReadonlySet<number> = new Set([0, 400, 403, 404, 405, 406, 501]);
const missing = Symbol('missing');

export function expandedListHeaders(page: number, pageSize: number): Record<string, string> {
  return {
    'X-Pagination-Mode': 'CachedObjectList-Pages',
    'X-Pagination-Size': String(pageSize),
    'X-Pagination-Number': String(page),
  };
}

export function isIdList(rows: readonly unknown[]): rows is Id[] {
  return rows.length > 0 && rows.every((row) => typeof row === 'string' || typeof row === 'number');
}

/** All objects of a list route; `basePath` is encoded. */
export async function loadList<T>(context: ListLoaderContext, basePath: string, options: LoadListOptions = {}): Promise<T[]> {
  const { capabilities, send } = context;
  if (capabilities.expandedLists === false) return loadPlainList<T>(context, basePath, options);

  const pageSize = options.pageSize ?? context.pageSize;
  let first;
  try {
    first = await send<unknown>('GET', basePath, {
      ...withQueryAndSignal(options),
      headers: expandedListHeaders(1, pageSize),
      retryNetworkErrors: capabilities.expandedLists === true,
    });
  } catch (error) {
    if (capabilities.expandedLists === true || !isRefusal(error)) throw error;
    const items = await loadPlainList<T>(context, basePath, options);
    capabilities.expandedLists = false;
    return items;
  }

  const rows = expectArray(first.data, basePath);
  if (isIdList(rows)) {
    capabilities.expandedLists = false;
    return loadMany<T>(context, basePath, rows, { ...withBatchAndSignal(options), skipMissing: true });
  }
  if (rows.length > 0) capabilities.expandedLists = true;
  const rest = await loadRemainingPages(context, basePath, options, pageSize, rows, first.headers);
  return [...rows, ...rest] as T[];
}

/** The objects with these ids under `basePath` (encoded), in the order of `ids`. */
export async function loadMany<T>(
  context: ListLoaderContext,
  basePath: string,
  ids: readonly Id[],
  options: LoadManyOptions = {},
): Promise<T[]> {
  if (ids.length === 0) return [];
  const useBatch = (options.batch ?? context.batch) && context.capabilities.batch !== false;
  const values = useBatch
    ? (await mapWithConcurrency(chunk(ids, batchChunkSize), 2, (part) => loadBatch<T>(context, basePath, part, options))).flat()
    : await loadEach<T>(context, basePath, ids, options);
  return values.filter((value): value is T => value !== missing);
}

async function loadPlainList<T>(context: ListLoaderContext, basePath: string, options: LoadListOptions): Promise<T[]> {
  const answer = await context.send<unknown>('GET', basePath, withQueryAndSignal(options));
  const rows = expectArray(answer.data, basePath);
  if (!isIdList(rows)) return rows as T[];
  return loadMany<T>(context, basePath, rows, { ...withBatchAndSignal(options), skipMissing: true });
}

async function loadRemainingPages(
  context: ListLoaderContext,
  basePath: string,
  options: LoadListOptions,
  pageSize: number,
  firstRows: readonly unknown[],
  headers: Headers,
): Promise<unknown[]> {
  const firstPageLength = firstRows.length;
  const fetchPage = async (page: number) => {
    const answer = await context.send<unknown>('GET', basePath, {
      ...withQueryAndSignal(options),
      headers: expandedListHeaders(page, pageSize),
    });
    return expectArray(answer.data, basePath);
  };

  const total = Number.parseInt(headers.get('X-Pagination-Elements') ?? '', 10);
  if (Number.isFinite(total) && total >= 0) {
    if (firstPageLength >= total || firstPageLength === 0) return [];
    const pages = Array.from({ length: Math.ceil(total / pageSize) - 1 }, (_, index) => index + 2);
    return (await mapWithConcurrency(pages, pageConcurrency, fetchPage)).flat();
  }

  // Total not readable (e.g. header not exposed by CORS): walk pages until one is not full. A page equal
  // to the previous one means the page number is ignored: stop rather than loop forever.
  const rest: unknown[] = [];
  let previous = JSON.stringify(firstRows);
  let lastLength = firstPageLength;
  for (let page = 2; lastLength === pageSize && page <= maxPagesWithoutTotal; page++) {
    const rows = await fetchPage(page);
    const text = JSON.stringify(rows);
    if (text === previous) break;
    previous = text;
    rest.push(...rows);
    lastLength = rows.length;
  }
  return rest;
}

async function loadBatch<T>(
  context: ListLoaderContext,
  basePath: string,
  ids: readonly Id[],
  options: LoadManyOptions,
): Promise<(T | typeof missing)[]> {
  const { capabilities } = context;
  let answer;
  try {
    answer = await context.send<unknown>('GET', `${basePath}/${ids.map(encodeComponent).join(',')}`, {
      ...(options.signal ? { signal: options.signal } : {}),
      headers: { 'X-Ovh-Batch': ',' },
      retryNetworkErrors: capabilities.batch === true,
    });
  } catch (error) {
    if (capabilities.batch === true || !isRefusal(error)) throw error;
    const values = await loadEach<T>(context, basePath, ids, options);
    capabilities.batch = false;
    return values;
  }

  const items = parseBatchAnswer(answer.data);
  if (!items) {
    capabilities.batch = false;
    return loadEach<T>(context, basePath, ids, options);
  }
  capabilities.batch = true;

  const byKey = new Map(items.map((item) => [String(item.key), item]));
  const failed = ids.filter((id) => {
    const item = byKey.get(String(id));
    return !item || hasError(item) || !('value' in item);
  });
  // Items the batch could not give: ask for them one by one, for a precise error (or a 404 to skip).
  const refetched = new Map<string, T | typeof missing>();
  const again = await loadEach<T>(context, basePath, failed, options);
  failed.forEach((id, index) => refetched.set(String(id), again[index] as T | typeof missing));

  return ids.map((id) => (refetched.has(String(id)) ? refetched.get(String(id))! : (byKey.get(String(id))!.value as T)));
}

async function loadEach<T>(
  context: ListLoaderContext,
  basePath: string,
  ids: readonly Id[],
  options: LoadManyOptions,
): Promise<(T | typeof missing)[]> {
  return mapWithConcurrency(ids, context.concurrency, async (id) => {
    try {
      const answer = await context.send<T>('GET', `${basePath}/${encodeComponent(id)}`, {
        ...(options.signal ? { signal: options.signal } : {}),
      });
      return answer.data as T;
    } catch (error) {
      if (options.skipMissing && error instanceof OvhApiError && error.status === 404) return missing;
      throw error;
    }
  });
}

interface BatchItem {
  key: unknown;
  value?: unknown;
  error?: unknown;
}

/** `[{key, value, error?}, …]`, or `undefined` when the answer has another shape. */
export function parseBatchAnswer(data: unknown): BatchItem[] | undefined {
  if (!Array.isArray(data)) return undefined;
  const isItem = (item: unknown): item is BatchItem =>
    item !== null && typeof item === 'object' && 'key' in item && ('value' in item || 'error' in item);
  return data.every(isItem) ? data : undefined;
}

function hasError(item: BatchItem): boolean {
  return item.error !== undefined && item.error !== null && item.error !== '';
}

function isRefusal(error: unknown): boolean {
  return error instanceof OvhApiError && refusalStatuses.has(error.status);
}

function expectArray(data: unknown, path: string): unknown[] {
  if (Array.isArray(data)) return data;
  throw new OvhApiError({ status: 200, message: `Expected a list from GET ${path}`, method: 'GET', path });
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let start = 0; start < items.length; start += size) parts.push(items.slice(start, start + size));
  return parts;
}

function withQueryAndSignal(options: LoadListOptions) {
  return { ...(options.query ? { query: options.query } : {}), ...(options.signal ? { signal: options.signal } : {}) };
}

function withBatchAndSignal(options: LoadListOptions): LoadManyOptions {
  return { ...(options.batch === undefined ? {} : { batch: options.batch }), ...(options.signal ? { signal: options.signal } : {}) };
}
