import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { shiftWeek, weekOf, weekRange, ZONE } from './iso-week.ts';

describe('ISO weeks in Swedish local time', () => {
  it('starts a winter week at Monday 00:00 CET (23:00 UTC on Sunday)', () => {
    const { from, to } = weekRange('2026-W47');
    expect(from.toISOString()).toBe('2026-11-15T23:00:00.000Z');
    expect(to.toISOString()).toBe('2026-11-22T23:00:00.000Z');
  });

  it('starts a summer week at Monday 00:00 CEST (22:00 UTC on Sunday)', () => {
    expect(weekRange('2026-W27').from.toISOString()).toBe('2026-06-28T22:00:00.000Z');
  });

  it('spans 167 hours across the spring DST change and 169 across the autumn one', () => {
    const spring = weekRange('2026-W13'); // contains Sunday 29 March 2026
    expect((spring.to.getTime() - spring.from.getTime()) / 3_600_000).toBe(167);
    const autumn = weekRange('2026-W43'); // Monday 19 to Sunday 25 October 2026
    expect((autumn.to.getTime() - autumn.from.getTime()) / 3_600_000).toBe(169);
  });

  it('puts Sunday 23:30 Swedish time in the ending week and Monday 00:30 in the next', () => {
    expect(weekOf(new Date('2026-11-22T22:30:00Z'))).toBe('2026-W47');
    expect(weekOf(new Date('2026-11-22T23:30:00Z'))).toBe('2026-W48');
  });

  it('handles the week-year boundary: 2026-12-31 is in 2026-W53, 2027-01-04 in 2027-W01', () => {
    expect(weekOf(new Date('2026-12-31T12:00:00Z'))).toBe('2026-W53');
    expect(weekOf(new Date('2027-01-04T12:00:00Z'))).toBe('2027-W01');
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
    expect(shiftWeek('2027-W01', -8)).toBe('2026-W46');
  });

  it('shifts weeks like the calendar does, over 53-week years and in both directions', () => {
    // Reference: the zone-aware instant of the week's Monday, moved by whole weeks in Swedish time.
    const reference = (week: string, offset: number) =>
      weekOf(DateTime.fromJSDate(weekRange(week).from, { zone: ZONE }).plus({ weeks: offset }).toJSDate());
    for (let week = '2019-W01'; week !== '2032-W01'; week = shiftWeek(week, 1)) {
      for (const offset of [-60, -9, -8, -1, 0, 1, 4, 53])
        expect(shiftWeek(week, offset)).toBe(reference(week, offset));
    }
  });

  it('gives a fresh range object each time (callers may not change the cached one)', () => {
    const first = weekRange('2026-W47');
    first.from.setTime(0);
    expect(weekRange('2026-W47').from.toISOString()).toBe('2026-11-15T23:00:00.000Z');
  });

  it('rejects weeks that do not exist', () => {
    expect(() => weekRange('2025-W53')).toThrow(RangeError);
    expect(() => weekRange('2026-47')).toThrow(RangeError);
  });
});
