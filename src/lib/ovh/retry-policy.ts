/** When and how long to wait before retrying a read. */
import { OvhApiError } from './errors.ts';

export interface RetryOptions {
  /** retries after the first attempt (default 3) */
  maxRetries?: number;
  /** first backoff in ms, doubled on each retry (default 500) */
  baseDelayMs?: number;
  /** cap of one backoff in ms (default 8000) */
  maxDelayMs?: number;
  /** a `Retry-After` longer than this (seconds) is not waited for: the error is returned (default 60) */
  maxRetryAfterSeconds?: number;
  /** 0 ≤ x < 1, for jitter (default `Math.random`) */
  random?: () => number;
}

/** 0 = no answer (network error). */
export const retryableStatuses: ReadonlySet<number> = new Set([0, 429, 502, 503, 504]);

export function resolveRetryOptions(options: RetryOptions | false | undefined): Required<RetryOptions> {
  if (options === false) return { ...resolveRetryOptions({}), maxRetries: 0 };
  return {
    maxRetries: options?.maxRetries ?? 3,
    baseDelayMs: options?.baseDelayMs ?? 500,
    maxDelayMs: options?.maxDelayMs ?? 8000,
    maxRetryAfterSeconds: options?.maxRetryAfterSeconds ?? 60,
    random: options?.random ?? Math.random,
  };
}

/**
 * Milliseconds to wait before retry number `retry` (0-based), or `undefined` when the error must
 * not be retried. `Retry-After` wins over the exponential backoff.
 */
export function retryDelay(error: unknown, retry: number, options: Required<RetryOptions>): number | undefined {
  if (!(error instanceof OvhApiError) || !retryableStatuses.has(error.status)) return undefined;
  if (retry >= options.maxRetries) return undefined;
  if (error.retryAfterSeconds !== undefined) {
    return error.retryAfterSeconds <= options.maxRetryAfterSeconds ? error.retryAfterSeconds * 1000 : undefined;
  }
  const backoff = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
  return Math.round(backoff + backoff * 0.5 * options.random());
}
