import { describe, expect, it } from 'vitest';
import {
  activitiesLeftOut,
  definedOf,
  periodOrderProblems,
  unknownCodes,
  withinProblems,
  type CommitmentScope,
} from './planning-rules.ts';

describe('periods', () => {
  it('accepts a one-day period and refuses an end before the start, on the end date', () => {
    expect(periodOrderProblems({ start: '2027-01-01', end: '2027-01-01' })).toEqual([]);
    expect(periodOrderProblems({ start: '2027-03-01', end: '2027-02-28' })).toEqual([
      { path: 'body.periodEnd', code: 'PERIOD_END_BEFORE_START', message: expect.any(String) },
    ]);
  });

  it('names the side that leaves the agreement period', () => {
    const agreement = { start: '2027-01-01', end: '2027-12-31' };
    expect(withinProblems({ start: '2027-01-01', end: '2027-12-31' }, agreement)).toEqual([]);
    expect(withinProblems({ start: '2026-12-31', end: '2027-06-30' }, agreement)[0]).toMatchObject({
      path: 'body.periodStart',
      code: 'OUTSIDE_PERIOD',
    });
    expect(withinProblems({ start: '2027-06-01', end: '2028-01-01' }, agreement)[0]).toMatchObject({
      path: 'body.periodEnd',
      code: 'OUTSIDE_PERIOD',
    });
  });
});

describe('activities a changed commitment would stop counting', () => {
  const weekly: CommitmentScope = {
    kind: 'recurring',
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
    places: [
      { code: 'flemingsberg-c', from: null, to: null },
      { code: 'skogas-c', from: null, to: null },
    ],
  };
  const logged = [
    { id: 'a', occurredOn: '2027-01-12', placeCode: 'flemingsberg-c' },
    { id: 'b', occurredOn: '2027-03-10', placeCode: 'skogas-c' },
    { id: 'c', occurredOn: '2027-03-11', placeCode: null },
  ];

  it('finds activities a shorter period leaves outside', () => {
    const result = activitiesLeftOut(logged, weekly, { ...weekly, periodStart: '2027-02-01' });
    expect(result.outsidePeriod.map((a) => a.id)).toEqual(['a']);
    expect(result.outsidePlaces).toEqual([]);
  });

  it('finds activities at a dropped place, or after a place was ended, for weekly targets only', () => {
    const dropped = { ...weekly, places: [weekly.places[0]!] };
    expect(activitiesLeftOut(logged, weekly, dropped).outsidePlaces.map((a) => a.id)).toEqual(['b']);
    const ended = { ...weekly, places: [weekly.places[0]!, { code: 'skogas-c', from: null, to: '2027-03-01' }] };
    expect(activitiesLeftOut(logged, weekly, ended).outsidePlaces.map((a) => a.id)).toEqual(['b']);
    // A count target counts every place: dropping one changes nothing.
    const count = { ...weekly, kind: 'count' };
    expect(activitiesLeftOut(logged, count, { ...count, places: [] })).toEqual({
      outsidePeriod: [],
      outsidePlaces: [],
    });
  });

  it('allows a longer period, a larger target and an added place', () => {
    const wider = {
      ...weekly,
      periodStart: '2026-12-01',
      places: [...weekly.places, { code: 'masmo', from: null, to: null }],
    };
    expect(activitiesLeftOut(logged, weekly, wider)).toEqual({ outsidePeriod: [], outsidePlaces: [] });
  });

  it('ignores activities the old scope did not count either', () => {
    const earlier = [{ id: 'x', occurredOn: '2026-12-20', placeCode: 'skogas-c' }];
    expect(activitiesLeftOut(earlier, weekly, { ...weekly, periodStart: '2027-02-01' })).toEqual({
      outsidePeriod: [],
      outsidePlaces: [],
    });
  });
});

describe('PATCH bodies', () => {
  it('keep only the fields sent, nulls included (null takes a commitment out of its plan)', () => {
    expect(definedOf({ title: 'Ny rubrik', periodEnd: undefined, planId: null })).toEqual({
      title: 'Ny rubrik',
      planId: null,
    });
  });

  it('name each code the database does not know', () => {
    expect(
      unknownCodes(['a', 'b'], [{ code: 'a' }], 'body.ownerCodes', 'UNKNOWN_ORGANISATION', 'organisation'),
    ).toEqual([{ path: 'body.ownerCodes', code: 'UNKNOWN_ORGANISATION', message: 'unknown organisation b' }]);
    expect(unknownCodes(undefined, [], 'body.ownerCodes', 'UNKNOWN_ORGANISATION', 'organisation')).toEqual([]);
  });
});
