// @vitest-environment node
import { OvhApiError } from './errors.ts';
import { computeTimeDelta, createTimeSync, isTimeDriftError, parseServerTime } from './time-sync.ts';

describe('computeTimeDelta', () => {
  it('PY vector: local 1457018875.467238, server 1457018881 → 6', () => {
    expect(computeTimeDelta(1457018881, 1457018875.467238)).toBe(6);
  });
});

describe('createTimeSync', () => {
  it('asks the server once, caches the delta and stamps with it (PY vector)', async () => {
    const fetchServerTime = vi.fn(async () => 1457018881);
    let nowMs = 1457018875467.238;
    const sync = createTimeSync({ fetchServerTime, now: () => nowMs });

    await expect(sync.delta()).resolves.toBe(6);
    await expect(sync.timestamp()).resolves.toBe(1457018881);
    nowMs += 10_000;
    await expect(sync.timestamp()).resolves.toBe(1457018891);
    expect(fetchServerTime).toHaveBeenCalledTimes(1);
  });

  it('shares one server call between concurrent first uses', async () => {
    const fetchServerTime = vi.fn(async () => 1000);
    const sync = createTimeSync({ fetchServerTime, now: () => 990_000 });
    await expect(Promise.all([sync.timestamp(), sync.timestamp(), sync.delta()])).resolves.toEqual([1000, 1000, 10]);
    expect(fetchServerTime).toHaveBeenCalledTimes(1);
  });

  it('resync asks the server again', async () => {
    const fetchServerTime = vi.fn<() => Promise<unknown>>().mockResolvedValueOnce(1000).mockResolvedValueOnce(1030);
    const sync = createTimeSync({ fetchServerTime, now: () => 1_000_000 });
    await expect(sync.delta()).resolves.toBe(0);
    await expect(sync.resync()).resolves.toBe(30);
    await expect(sync.timestamp()).resolves.toBe(1030);
    expect(fetchServerTime).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failure beyond a short cool-down, during which the server is not asked again', async () => {
    const fetchServerTime = vi.fn<() => Promise<unknown>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(1006);
    let clock = 1_000_000;
    const sync = createTimeSync({ fetchServerTime, now: () => clock, failureCooldownMs: 5000 });
    await expect(sync.timestamp()).rejects.toThrow('offline');
    clock += 4000;
    await expect(sync.timestamp()).rejects.toThrow('offline');
    await expect(sync.resync()).rejects.toThrow('offline');
    expect(fetchServerTime).toHaveBeenCalledTimes(1);
    clock += 2000;
    await expect(sync.timestamp()).resolves.toBe(1006);
    expect(fetchServerTime).toHaveBeenCalledTimes(2);
  });
});

describe('parseServerTime', () => {
  it('accepts a bare integer (number or text) and refuses anything else', () => {
    expect(parseServerTime(1366561236)).toBe(1366561236);
    expect(parseServerTime('1366561236\n')).toBe(1366561236);
    expect(() => parseServerTime({ time: 1 })).toThrow(OvhApiError);
    expect(() => parseServerTime(null)).toThrow(/auth\/time/);
    expect(() => parseServerTime(12.5)).toThrow(OvhApiError);
  });
});

describe('isTimeDriftError', () => {
  const error = (status: number, message: string, errorCode?: string) =>
    new OvhApiError({ status, message, method: 'GET', path: '/x', ...(errorCode ? { errorCode } : {}) });

  it.each([
    [error(400, 'Query out of time', 'QUERY_TIME_OUT')],
    [error(400, 'whatever', 'QUERY_TIME_OUT')],
    [error(401, 'Invalid timestamp')],
    [error(403, 'Timestamp is too old')],
  ])('is drift: %s', (candidate) => {
    expect(isTimeDriftError(candidate)).toBe(true);
  });

  it.each([
    [error(400, 'Invalid signature', 'INVALID_SIGNATURE')],
    [error(403, 'This call has not been granted', 'NOT_GRANTED_CALL')],
    [error(503, 'Query out of time')],
    [error(400, 'Credential lifetime is over')],
    [new Error('Query out of time')],
  ])('is not drift: %s', (candidate) => {
    expect(isTimeDriftError(candidate)).toBe(false);
  });
});
