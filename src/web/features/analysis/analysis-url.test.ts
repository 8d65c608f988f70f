import { describe, expect, it } from 'vitest';
import { initialFormState, toParams } from './analysis-form-state.ts';
import { formStateToSearch, searchToFormState } from './analysis-url.ts';

describe('analysis settings in the URL', () => {
  it('round-trips a date range with categories and settings', () => {
    const state = {
      ...initialFormState(),
      mode: 'range' as const,
      from: '2026-10-01',
      to: '2026-10-31',
      categoryCodes: ['glaskross', 'inbrott-stold'],
      cellSize: 500,
      permutations: 99,
      bandwidth: '400',
      interval: 'month' as const,
      concentrationUnit: 'places' as const,
    };
    const search = formStateToSearch(state);
    expect(search.has('weeks')).toBe(false);
    expect(searchToFormState(search)).toEqual(state);
  });

  it('falls back to the defaults for malformed values', () => {
    const state = searchToFormState(new URLSearchParams('from=yesterday&to=2026-10-31&cellSize=lots&categoryCodes='));
    expect(state).toEqual(initialFormState());
  });
});

describe('form state to API parameters', () => {
  it('reads dates as Swedish calendar days, "to" inclusive', () => {
    const params = toParams({ ...initialFormState(), mode: 'range', from: '2026-10-01', to: '2026-10-31' });
    // Summer time ends on 25 October: the period starts at UTC+2 and ends at UTC+1.
    expect(params.from).toBe('2026-10-01T00:00:00.000+02:00');
    expect(params.to).toBe('2026-11-01T00:00:00.000+01:00');
    expect(params.weeks).toBeUndefined();
  });

  it('sends weeks, and a bandwidth only when one is given', () => {
    const params = toParams({ ...initialFormState(), weeks: 8 });
    expect(params).toMatchObject({ weeks: 8, cellSize: 250, alpha: 0.05, permutations: 0 });
    expect(params).not.toHaveProperty('bandwidth');
    expect(params).not.toHaveProperty('from');
  });
});
