// @vitest-environment node
import { createRateLimiter } from './rate-limiter.ts';

/** A clock that only moves when someone sleeps. */
function fakeClock() {
  let time = 0;
  return {
    now: () => time,
    sleep: vi.fn(async (ms: number) => {
      time += ms;
    }),
  };
}

describe('createRateLimiter', () => {
  it('lets a burst through at once, then one request per 1/rate seconds', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requestsPerSecond: 20, burst: 20 }, clock);
    const grantedAt: number[] = [];
    await Promise.all(Array.from({ length: 25 }, () => limiter.acquire().then(() => grantedAt.push(clock.now()))));
    expect(grantedAt.slice(0, 20)).toEqual(new Array(20).fill(0));
    expect(grantedAt.slice(20)).toEqual([50, 100, 150, 200, 250]);
  });

  it('refills with elapsed time, up to the burst size', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requestsPerSecond: 2, burst: 2 }, clock);
    await limiter.acquire();
    await limiter.acquire();
    expect(clock.sleep).not.toHaveBeenCalled();
    await clock.sleep(10_000); // idle for a long time: the bucket holds at most 2
    clock.sleep.mockClear();
    await limiter.acquire();
    await limiter.acquire();
    expect(clock.sleep).not.toHaveBeenCalled();
    await limiter.acquire();
    expect(clock.sleep).toHaveBeenCalledWith(500);
  });

  it('works with real timers under fake time', async () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const limiter = createRateLimiter(
        { requestsPerSecond: 10, burst: 1 },
        { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
      );
      const done: number[] = [];
      const all = Promise.all([1, 2, 3].map(() => limiter.acquire().then(() => done.push(Date.now()))));
      await vi.advanceTimersByTimeAsync(250);
      await all;
      expect(done).toEqual([0, 100, 200]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a non-positive rate', () => {
    expect(() => createRateLimiter({ requestsPerSecond: 0 }, fakeClock())).toThrow(RangeError);
  });

  it('rejects an aborted caller', async () => {
    const limiter = createRateLimiter({ requestsPerSecond: 1 }, fakeClock());
    await expect(limiter.acquire(AbortSignal.abort())).rejects.toThrow();
  });
});
