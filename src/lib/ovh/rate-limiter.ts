/** Client-side token bucket: at most `burst` calls at once, refilled at `requestsPerSecond`. */

export interface RateLimitOptions {
  requestsPerSecond: number;
  /** bucket size (default: `requestsPerSecond`) */
  burst?: number;
}

export interface RateLimiter {
  /** resolves when the caller may send one request; callers are served first come, first served */
  acquire(signal?: AbortSignal): Promise<void>;
}

export interface RateLimiterClock {
  /** milliseconds (default `Date.now`) */
  now?: () => number;
  sleep: (ms: number) => Promise<void>;
}

export function createRateLimiter(options: RateLimitOptions, clock: RateLimiterClock): RateLimiter {
  const rate = options.requestsPerSecond;
  const burst = Math.max(1, options.burst ?? rate);
  if (!(rate > 0)) throw new RangeError('requestsPerSecond must be positive');
  const now = clock.now ?? Date.now;

  let tokens = burst;
  let refilledAt = now();
  let queue: Promise<void> = Promise.resolve();

  function refill() {
    const time = now();
    tokens = Math.min(burst, tokens + ((time - refilledAt) * rate) / 1000);
    refilledAt = time;
  }

  async function take(signal?: AbortSignal) {
    for (;;) {
      signal?.throwIfAborted();
      refill();
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      await clock.sleep(Math.ceil(((1 - tokens) * 1000) / rate));
    }
  }

  return {
    acquire(signal) {
      const turn = queue.then(() => take(signal));
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}
