import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TargetKind } from '../../../../contracts/promises-progress.ts';
import { computeProgress, verdictOf, type ActivityFact, type CommitmentSpec } from './progress.ts';

const YEAR = { periodStart: '2024-01-01', periodEnd: '2024-12-31' };
const at = (date: string) => new Date(`${date}T12:00:00+01:00`);
const act = (
  occurredOn: string,
  placeCode: string | null = null,
  loggedOn = occurredOn,
  evidence: string | null = null,
): ActivityFact => ({
  occurredOn,
  placeCode,
  loggedAt: at(loggedOn),
  evidence,
});
const spec = (kind: TargetKind, count: number, extra: Partial<CommitmentSpec> = {}): CommitmentSpec => ({
  target: { kind, count },
  ...YEAR,
  places: [],
  ...extra,
});
const times = (n: number, date: string) => Array.from({ length: n }, () => act(date));

describe('count targets (five trygghetsdialoger during the year)', () => {
  it.each([
    { name: 'period not started', asOf: '2023-12-20', acts: [], done: 0, expected: 0, status: 'not-started' },
    { name: 'early, nothing due yet', asOf: '2024-02-01', acts: [], done: 0, expected: 0, status: 'on-track' },
    { name: 'at pace', asOf: '2024-07-01', acts: times(2, '2024-05-01'), done: 2, expected: 2, status: 'on-track' },
    { name: 'slightly behind, can catch up', asOf: '2024-04-01', acts: [], done: 0, expected: 1, status: 'at-risk' },
    { name: 'far behind', asOf: '2024-09-01', acts: times(1, '2024-03-01'), done: 1, expected: 3, status: 'behind' },
    {
      name: 'reached before the end',
      asOf: '2024-10-01',
      acts: times(5, '2024-09-01'),
      done: 5,
      expected: 3,
      status: 'done',
    },
    { name: 'ended short', asOf: '2025-01-10', acts: times(4, '2024-09-01'), done: 4, expected: 5, status: 'behind' },
    {
      name: 'activities outside the period do not count',
      asOf: '2024-07-01',
      acts: [act('2023-12-31'), act('2025-01-01')],
      done: 0,
      expected: 2,
      status: 'behind',
    },
  ])('$name', ({ asOf, acts, done, expected, status }) => {
    const p = computeProgress(spec('count', 5), acts, { asOf: at(asOf) });
    expect(p).toMatchObject({ done, target: 5, expectedByNow: expected, status });
  });

  it('leaves out activities logged after a snapshot was taken, but counts them live', () => {
    const late = [act('2024-03-10', null, '2024-05-20')];
    expect(computeProgress(spec('count', 5), late, { asOf: at('2024-04-30'), knownAt: at('2024-04-30') }).done).toBe(0);
    expect(computeProgress(spec('count', 5), late, { asOf: at('2024-06-01') }).done).toBe(1);
  });

  it('ignores activities dated after the as-of date', () => {
    expect(computeProgress(spec('count', 5), [act('2024-05-02')], { asOf: at('2024-05-01') }).done).toBe(0);
  });
});

describe('recurring weekly targets per place (foot patrols)', () => {
  const places = [
    { code: 'skogas-c', from: null, to: null },
    { code: 'flemingsberg-c', from: null, to: null },
  ];
  const weekly = (extra: Partial<CommitmentSpec> = {}) => spec('recurring', 1, { places, ...extra });

  it('lists the missed weeks per place and counts only completed weeks as due', () => {
    // Wednesday 2024-01-17 is in W03: W01 and W02 have ended.
    const acts = [act('2024-01-02', 'skogas-c'), act('2024-01-09', 'skogas-c'), act('2024-01-03', 'flemingsberg-c')];
    const p = computeProgress(weekly(), acts, { asOf: at('2024-01-17') });
    expect(p.detail).toEqual({
      kind: 'recurring',
      places: [
        { placeCode: 'skogas-c', weeksInPeriod: 52, weeksElapsed: 2, weeksWithActivity: 2, missedWeeks: [] },
        {
          placeCode: 'flemingsberg-c',
          weeksInPeriod: 52,
          weeksElapsed: 2,
          weeksWithActivity: 1,
          missedWeeks: ['2024-W02'],
        },
      ],
    });
    expect(p).toMatchObject({ done: 3, target: 104, expectedByNow: 4, status: 'behind' });
  });

  it('moves as soon as this week has its patrol', () => {
    const before = computeProgress(weekly(), [], { asOf: at('2024-01-03') });
    const after = computeProgress(weekly(), [act('2024-01-03', 'skogas-c')], { asOf: at('2024-01-03') });
    expect(before).toMatchObject({ done: 0, expectedByNow: 0, status: 'on-track' });
    expect(after).toMatchObject({ done: 1, expectedByNow: 1, status: 'on-track' });
  });

  it('handles a period straddling the year end: 2020-W53 and 2021-W01 both belong to it', () => {
    const s = spec('recurring', 1, { periodStart: '2020-12-14', periodEnd: '2021-01-10', places: [places[0]!] });
    const acts = [act('2020-12-15', 'skogas-c'), act('2020-12-22', 'skogas-c'), act('2021-01-02', 'skogas-c')]; // 2 Jan 2021 is in 2020-W53
    const p = computeProgress(s, acts, { asOf: at('2021-01-11') });
    expect(p.detail.kind === 'recurring' && p.detail.places[0]).toEqual({
      placeCode: 'skogas-c',
      weeksInPeriod: 4,
      weeksElapsed: 4,
      weeksWithActivity: 3,
      missedWeeks: ['2021-W01'],
    });
    expect(p.status).toBe('behind');
  });

  it('owes a place added mid-year only the weeks from its start', () => {
    const s = weekly({ places: [places[0]!, { code: 'varby-c', from: '2024-06-07', to: null }] });
    const p = computeProgress(s, [act('2024-06-11', 'varby-c')], { asOf: at('2024-06-24') });
    const varby = p.detail.kind === 'recurring' ? p.detail.places[1]! : undefined;
    expect(varby).toEqual({
      placeCode: 'varby-c',
      weeksInPeriod: 29,
      weeksElapsed: 2,
      weeksWithActivity: 1,
      missedWeeks: ['2024-W25'],
    });
  });

  it('fills a missed week when a patrol is logged late', () => {
    const late = [act('2024-01-02', 'skogas-c', '2024-02-01')];
    const s = weekly({ places: [places[0]!] });
    expect(computeProgress(s, late, { asOf: at('2024-01-20'), knownAt: at('2024-01-20') }).detail).toMatchObject({
      places: [{ missedWeeks: ['2024-W01', '2024-W02'] }],
    });
    expect(computeProgress(s, late, { asOf: at('2024-02-01') }).detail).toMatchObject({
      places: [{ missedWeeks: ['2024-W02', '2024-W03', '2024-W04'] }],
    });
  });

  it('is not started before the period, whatever was logged', () => {
    expect(computeProgress(weekly(), [act('2023-12-20', 'skogas-c')], { asOf: at('2023-12-28') })).toMatchObject({
      done: 0,
      status: 'not-started',
    });
  });

  it('judges by the weakest place and finishes done only with every week covered', () => {
    const everyWeek = (code: string) =>
      Array.from({ length: 52 }, (_, i) =>
        act(new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10), code),
      );
    const all = [...everyWeek('skogas-c'), ...everyWeek('flemingsberg-c')];
    expect(computeProgress(weekly(), all, { asOf: at('2025-01-05') })).toMatchObject({
      done: 104,
      target: 104,
      status: 'done',
    });
    expect(computeProgress(weekly(), all.slice(0, 56), { asOf: at('2024-03-01') }).status).toBe('behind');
  });
});

describe('per-term targets (two school meetings per term)', () => {
  it.each([
    { asOf: '2024-03-31', acts: ['2024-02-01'], status: 'on-track', done: 1, expected: 1 },
    { asOf: '2024-06-01', acts: ['2024-02-01'], status: 'at-risk', done: 1, expected: 1 },
    { asOf: '2024-09-01', acts: ['2024-02-01', '2024-02-02', '2024-02-03'], status: 'on-track', done: 2, expected: 2 },
    { asOf: '2024-09-01', acts: ['2024-02-01'], status: 'behind', done: 1, expected: 2 },
    {
      asOf: '2024-12-31',
      acts: ['2024-02-01', '2024-03-01', '2024-09-01', '2024-10-01'],
      status: 'done',
      done: 4,
      expected: 4,
    },
  ])('as of $asOf with $acts.length meetings: $status', ({ asOf, acts, status, done, expected }) => {
    const p = computeProgress(
      spec('per-term', 2),
      acts.map((d) => act(d)),
      { asOf: at(asOf) },
    );
    expect(p).toMatchObject({ status, done, target: 4, expectedByNow: expected });
  });

  it('reports each term separately, extra meetings not making up for another term', () => {
    const p = computeProgress(
      spec('per-term', 2),
      ['2024-02-01', '2024-02-02', '2024-02-03', '2024-08-20'].map((d) => act(d)),
      { asOf: at('2025-01-02') },
    );
    expect(p.detail).toEqual({
      kind: 'per-term',
      terms: [
        { term: '2024-VT', done: 3, target: 2 },
        { term: '2024-HT', done: 1, target: 2 },
      ],
    });
    expect(p).toMatchObject({ done: 3, status: 'behind' });
  });
});

describe('deliverables (information material)', () => {
  it.each([
    { asOf: '2023-11-01', acts: [], status: 'not-started' },
    { asOf: '2024-05-01', acts: [], status: 'on-track' },
    { asOf: '2024-11-01', acts: [], status: 'at-risk' },
    { asOf: '2025-01-02', acts: [], status: 'behind' },
    {
      asOf: '2024-11-01',
      acts: [act('2024-10-01', null, '2024-10-01', 'https://www.huddinge.se/material')],
      status: 'done',
    },
  ])('as of $asOf: $status', ({ asOf, acts, status }) => {
    expect(computeProgress(spec('deliverable', 1), acts, { asOf: at(asOf) }).status).toBe(status);
  });

  it('keeps the evidence', () => {
    const p = computeProgress(spec('deliverable', 1), [act('2024-10-01', null, '2024-10-01', 'Broschyr')], {
      asOf: at('2024-12-01'),
    });
    expect(p.detail).toEqual({ kind: 'deliverable', deliveredOn: '2024-10-01', evidence: 'Broschyr' });
  });
});

describe('invariants', () => {
  const dates = fc
    .integer({ min: 0, max: 500 })
    .map((d) => new Date(Date.UTC(2023, 9, 1 + d)).toISOString().slice(0, 10));
  it('never counts more than the target for weekly and term targets, and done means done >= target', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<TargetKind>('count', 'recurring', 'per-term', 'deliverable'),
        fc.array(dates, { maxLength: 60 }),
        dates,
        (kind, occurred, asOf) => {
          const s = spec(kind, kind === 'count' ? 10 : kind === 'per-term' ? 2 : 1, {
            places: [{ code: 'skogas-c', from: null, to: null }],
          });
          const p = computeProgress(
            s,
            occurred.map((d) => act(d, 'skogas-c')),
            { asOf: at(asOf) },
          );
          if (kind !== 'count') expect(p.done).toBeLessThanOrEqual(p.target);
          expect(p.status === 'done').toBe(p.done >= p.target);
          if (asOf < s.periodStart) expect(p.status).toBe('not-started');
        },
      ),
    );
  });
});

describe('verdicts', () => {
  it.each([
    [5, 5, 'kept'],
    [3, 5, 'partly-kept'],
    [2, 5, 'not-kept'],
    [0, 0, 'not-kept'],
  ] as const)('%i of %i is %s', (done, target, verdict) => expect(verdictOf({ done, target })).toBe(verdict));
});
