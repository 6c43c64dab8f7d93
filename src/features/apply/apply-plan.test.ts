import type { Task } from '@/api/generated';
import { applyLabel, applyRequest, joinZones, planZones, tickedByDefault } from '@/features/apply/apply-plan';

const refresh = (id: number, zones: string[], status: Task['status'] = 'doing'): Task => ({
  id,
  action: 'refreshIplb',
  zones,
  status,
  progress: 10,
  creationDate: '2026-01-01T00:00:00Z',
  doneDate: null,
});

describe('apply plan', () => {
  it('lists every zone of the service, a zone without changes selectable (not blocked) and unticked by default', () => {
    const zones = planZones(
      [
        { zone: 'gra', number: 1 },
        { zone: 'rbx', number: 2 },
      ],
      [],
      ['gra', 'rbx', 'sbg'],
    );
    expect(zones.map((zone) => [zone.zone, zone.changes, zone.blockedReason])).toEqual([
      ['gra', 1, null],
      ['rbx', 2, null],
      ['sbg', 0, null],
    ]);
    expect(zones.map(tickedByDefault)).toEqual([true, true, false]);
  });

  it('blocks a zone being applied, and then never sends "all zones"', () => {
    const zones = planZones(
      [
        { zone: 'gra', number: 1 },
        { zone: 'rbx', number: 2 },
      ],
      [refresh(7, ['rbx'], 'todo')],
      ['gra', 'rbx'],
    );
    expect(zones[1]!.blockedReason).toMatch(/waiting to start \(task 7\)/);
    const request = applyRequest(zones, ['gra', 'rbx'], true);
    expect(request).toEqual({ all: false, zones: ['gra'] });
    expect(applyLabel(request)).toBe('Apply gra');
  });

  it('sends "all zones" only when every zone of the service is ticked and the zone list is known', () => {
    const zones = planZones([], [], ['gra', 'rbx', 'sbg']);
    expect(applyRequest(zones, ['gra', 'rbx', 'sbg'], true)).toEqual({
      all: true,
      zones: ['gra', 'rbx', 'sbg'],
    });
    expect(applyLabel(applyRequest(zones, ['gra', 'rbx', 'sbg'], true))).toBe('Apply all 3 zones');
    expect(applyRequest(zones, ['gra', 'rbx', 'sbg'], false).all).toBe(false);
    expect(applyLabel(applyRequest(zones, ['gra', 'rbx'], true))).toBe('Apply gra and rbx');
    expect(applyLabel(applyRequest(zones, [], true))).toBe('Apply');
  });

  it('joins zone names in words', () => {
    expect(joinZones(['gra'])).toBe('gra');
    expect(joinZones(['gra', 'rbx', 'sbg'])).toBe('gra, rbx and sbg');
  });
});
