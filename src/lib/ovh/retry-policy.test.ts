// @vitest-environment node
import { OvhApiError } from './errors.ts';
import { resolveRetryOptions, retryDelay } from './retry-policy.ts';

const error = (status: number, retryAfterSeconds?: number) =>
  new OvhApiError({ status, message: 'x', method: 'GET', path: '/x', ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });

describe('retryDelay', () => {
  const options = resolveRetryOptions({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 0 });

  it.each([0, 429, 502, 503, 504])('retries status %i', (status) => {
    expect(retryDelay(error(status), 0, options)).toBe(100);
  });

  it.each([400, 401, 403, 404, 409, 500])('does not retry status %i', (status) => {
    expect(retryDelay(error(status), 0, options)).toBeUndefined();
  });

  it('doubles the delay, caps it, and stops after maxRetries (3)', () => {
    expect([0, 1, 2].map((retry) => retryDelay(error(503), retry, options))).toEqual([100, 200, 400]);
    expect(retryDelay(error(503), 3, options)).toBeUndefined();
    expect(retryDelay(error(503), 2, resolveRetryOptions({ baseDelayMs: 400, maxDelayMs: 1000, random: () => 0 }))).toBe(1000);
  });

  it('adds up to 50% jitter', () => {
    expect(retryDelay(error(503), 1, { ...options, random: () => 0.999 })).toBe(300);
  });

  it('honours Retry-After, unless it is longer than allowed', () => {
    expect(retryDelay(error(429, 2), 0, options)).toBe(2000);
    expect(retryDelay(error(429, 3600), 0, options)).toBeUndefined();
  });

  it('never retries when retries are off or for non-API errors', () => {
    expect(retryDelay(error(503), 0, resolveRetryOptions(false))).toBeUndefined();
    expect(retryDelay(new TypeError('boom'), 0, options)).toBeUndefined();
  });
});
