import { initialFormState, type AnalysisFormState } from './analysis-form-state.ts';

/**
 * The analysis settings in the URL, so a coordinator can send a colleague the very analysis she
 * looks at (as the report list does with its filters). Unknown or malformed values fall back to
 * the defaults; the API validates whatever gets through.
 */
const NUMBER_KEYS = [
  'weeks',
  'cellSize',
  'alpha',
  'permutations',
  'spaceBand',
  'spaceBands',
  'timeBand',
  'timeBands',
  'iterations',
] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function formStateToSearch(s: AnalysisFormState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.mode === 'range') {
    p.set('from', s.from);
    p.set('to', s.to);
  }
  for (const key of NUMBER_KEYS) if (key !== 'weeks' || s.mode === 'weeks') p.set(key, String(s[key]));
  if (s.focusAreaCode) p.set('focusAreaCode', s.focusAreaCode);
  if (s.categoryCodes.length) p.set('categoryCodes', s.categoryCodes.join(','));
  if (s.bandwidth) p.set('bandwidth', s.bandwidth);
  p.set('interval', s.interval);
  p.set('concentrationUnit', s.concentrationUnit);
  return p;
}

export function searchToFormState(p: URLSearchParams): AnalysisFormState {
  const s = initialFormState();
  const from = p.get('from');
  const to = p.get('to');
  if (from && to && DATE.test(from) && DATE.test(to)) Object.assign(s, { mode: 'range', from, to });
  for (const key of NUMBER_KEYS) {
    const v = Number(p.get(key));
    if (p.has(key) && Number.isFinite(v)) s[key] = v;
  }
  s.focusAreaCode = p.get('focusAreaCode') ?? '';
  s.categoryCodes = (p.get('categoryCodes') ?? '').split(',').filter(Boolean);
  s.bandwidth = p.get('bandwidth') ?? '';
  if (p.get('interval') === 'month') s.interval = 'month';
  if (p.get('concentrationUnit') === 'places') s.concentrationUnit = 'places';
  return s;
}
