/** Aligns request timestamps on the API server clock (`GET /auth/time`). */
import { OvhApiError } from './errors.ts';

export interface TimeSync {
  /** server-aligned Unix seconds for `X-Ovh-Timestamp`; syncs on first use */
  timestamp(): Promise<number>;
  /** cached `server - local` delta in seconds; syncs on first use */
  delta(): Promise<number>;
  /** forgets the cached delta and asks the server again */
  resync(): Promise<number>;
}

export interface TimeSyncOptions {
  /** answer of `GET {requestBase}/auth/time`: a bare integer */
  fetchServerTime: () => Promise<unknown>;
  /** local clock in milliseconds (default `Date.now`) */
  now?: () => number;
  /**
   * After a failed sync, calls fail at once with the same error for this long (ms, default 5000)
   * instead of each asking the server again: an unreachable API is not hammered by every request.
   */
  failureCooldownMs?: number;
}

/** `delta = serverTime - floor(localNow)` (seconds). */
export function computeTimeDelta(serverTimeSeconds: number, localNowSeconds: number): number {
  return serverTimeSeconds - Math.floor(localNowSeconds);
}

export function createTimeSync({
  fetchServerTime,
  now = Date.now,
  failureCooldownMs = 5000,
}: TimeSyncOptions): TimeSync {
  let cached: number | undefined;
  let pending: Promise<number> | undefined;
  let lastFailure: { at: number; error: unknown } | undefined;

  function sync(): Promise<number> {
    if (lastFailure && now() - lastFailure.at < failureCooldownMs) return Promise.reject(lastFailure.error);
    pending ??= fetchServerTime()
      .then((answer) => {
        cached = computeTimeDelta(parseServerTime(answer), now() / 1000);
        lastFailure = undefined;
        return cached;
      })
      .catch((error: unknown) => {
        lastFailure = { at: now(), error };
        throw error;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  }

  async function delta(): Promise<number> {
    return cached ?? sync();
  }

  return {
    delta,
    async timestamp() {
      const offset = await delta();
      return Math.floor(now() / 1000) + offset;
    },
    resync() {
      cached = undefined;
      return sync();
    },
  };
}

export function parseServerTime(answer: unknown): number {
  const value = typeof answer === 'string' ? Number(answer.trim()) : answer;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new OvhApiError({
      status: 200,
      message: `Unexpected answer from /auth/time: ${JSON.stringify(answer)}`,
      method: 'GET',
      path: '/auth/time',
    });
  }
  return value;
}

/** A call refused because its timestamp is too far from the server clock. */
export function isTimeDriftError(error: unknown): boolean {
  if (!(error instanceof OvhApiError)) return false;
  if (![400, 401, 403].includes(error.status)) return false;
  return error.errorCode === 'QUERY_TIME_OUT' || /\btime/i.test(error.message);
}
