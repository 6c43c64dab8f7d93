import { badRequest } from './errors';

export const PAGES_MODE = 'CachedObjectList-Pages';

export interface PageRequest {
  size: number;
  number: number;
}

/** Reads `X-Pagination-Mode: CachedObjectList-Pages` + size/number headers; null when not asked for. */
export function pageRequestOf(headers: Headers): PageRequest | null {
  const mode = headers.get('X-Pagination-Mode');
  if (!mode) return null;
  if (mode !== PAGES_MODE) throw badRequest(`X-Pagination-Mode ${mode} is not supported by the sandbox: use ${PAGES_MODE}`);
  const sizeText = headers.get('X-Pagination-Size');
  const numberText = headers.get('X-Pagination-Number');
  const size = sizeText === null ? 5000 : Number(sizeText);
  const number = numberText === null ? 1 : Number(numberText);
  if (!Number.isInteger(size) || size < 1) throw badRequest(`X-Pagination-Size must be a positive integer (got ${sizeText})`);
  if (!Number.isInteger(number) || number < 1) throw badRequest(`X-Pagination-Number must be 1 or more (got ${numberText})`);
  return { size, number };
}

export function pageOf<T>(items: readonly T[], page: PageRequest): T[] {
  const start = (page.number - 1) * page.size;
  return items.slice(start, start + page.size);
}

export function pageHeaders(total: number, page: PageRequest): Record<string, string> {
  return {
    'X-Pagination-Elements': String(total),
    'X-Pagination-Size': String(page.size),
    'X-Pagination-Number': String(page.number),
  };
}
