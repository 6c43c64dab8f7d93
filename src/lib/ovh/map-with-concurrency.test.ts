// @vitest-environment node
import { mapWithConcurrency } from './map-with-concurrency.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('mapWithConcurrency', () => {
  it('never has more than `limit` calls in flight, keeps order, calls each item once', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const seen: number[] = [];
    const items = Array.from({ length: 30 }, (_, index) => index);
    const results = await mapWithConcurrency(items, 8, async (item) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      seen.push(item);
      await new Promise((resolve) => setTimeout(resolve, (item * 7) % 5));
      inFlight--;
      return item * 2;
    });
    expect(maxInFlight).toBe(8);
    expect(results).toEqual(items.map((item) => item * 2));
    expect([...seen].sort((a, b) => a - b)).toEqual(items);
  });

  it('stops starting new calls after a failure and rethrows it', async () => {
    const started: number[] = [];
    const run = mapWithConcurrency([1, 2, 3, 4, 5, 6], 2, async (item) => {
      started.push(item);
      await tick();
      if (item === 2) throw new Error('item 2 failed');
      return item;
    });
    await expect(run).rejects.toThrow('item 2 failed');
    await tick();
    expect(started.length).toBeLessThan(6);
  });

  it('handles an empty list and refuses a limit below 1', async () => {
    await expect(mapWithConcurrency([], 8, async () => 1)).resolves.toEqual([]);
    await expect(mapWithConcurrency([1], 0, async () => 1)).rejects.toThrow(RangeError);
  });
});
