import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategories, useFocusAreas } from '../../shared/reference.ts';
import type { AnalysisFormState } from './analysis-form-state.ts';

const WEEKS = [1, 2, 4, 8, 12, 26, 52] as const;
const CELL_SIZES = [50, 100, 250, 500, 1000] as const;
const ALPHAS = [0.01, 0.05, 0.1] as const;
const PERMUTATIONS = [0, 99, 199, 499, 999] as const;
const ITERATIONS = [99, 199, 499, 999] as const;

/** Period, selection and method settings; the analyses run when the user asks, not on every change. */
export function AnalysisForm({
  initial,
  busy,
  onRun,
}: {
  initial: AnalysisFormState;
  busy: boolean;
  onRun: (state: AnalysisFormState) => void;
}) {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const focusAreas = useFocusAreas();
  const [s, setS] = useState(initial);
  const set = <K extends keyof AnalysisFormState>(key: K, value: AnalysisFormState[K]) =>
    setS((prev) => ({ ...prev, [key]: value }));
  const num =
    (
      key:
        | 'cellSize'
        | 'alpha'
        | 'permutations'
        | 'weeks'
        | 'spaceBand'
        | 'spaceBands'
        | 'timeBand'
        | 'timeBands'
        | 'iterations',
    ) =>
    (e: { target: { value: string } }) =>
      set(key, Number(e.target.value));
  const shown = (categories.data ?? []).filter((c) => !s.focusAreaCode || c.focusAreaCode === s.focusAreaCode);
  const toggle = (code: string) =>
    set(
      'categoryCodes',
      s.categoryCodes.includes(code) ? s.categoryCodes.filter((c) => c !== code) : [...s.categoryCodes, code],
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onRun(s);
  };

  return (
    <form onSubmit={submit} aria-label={t('analysis.form.legend')}>
      <fieldset>
        <legend>{t('analysis.form.selection')}</legend>
        <div className="row">
          <label>
            {t('analysis.form.period')}
            <select
              value={s.mode === 'weeks' ? String(s.weeks) : 'range'}
              onChange={(e) =>
                e.target.value === 'range'
                  ? set('mode', 'range')
                  : setS((p) => ({ ...p, mode: 'weeks', weeks: Number(e.target.value) }))
              }
            >
              {WEEKS.map((w) => (
                <option key={w} value={w}>
                  {t('analysis.form.weeksOption', { count: w })}
                </option>
              ))}
              <option value="range">{t('analysis.form.range')}</option>
            </select>
          </label>
          {s.mode === 'range' ? (
            <>
              <label>
                {t('analysis.form.from')}
                <input type="date" value={s.from} max={s.to} onChange={(e) => set('from', e.target.value)} required />
              </label>
              <label>
                {t('analysis.form.to')}
                <input type="date" value={s.to} min={s.from} onChange={(e) => set('to', e.target.value)} required />
              </label>
            </>
          ) : null}
          <label>
            {t('analysis.form.focusArea')}
            <select
              value={s.focusAreaCode}
              onChange={(e) => setS((p) => ({ ...p, focusAreaCode: e.target.value, categoryCodes: [] }))}
            >
              <option value="">{t('analysis.form.allFocusAreas')}</option>
              {(focusAreas.data ?? []).map((f) => (
                <option key={f.code} value={f.code}>
                  {i18n.language === 'en' ? f.nameEn : f.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('analysis.form.categories')}</legend>
        <p className="muted small" style={{ margin: 0 }}>
          {t('analysis.form.categoriesHint')}
        </p>
        <div className="choices">
          {shown.map((c) => (
            <label key={c.code} className="choice">
              <input type="checkbox" checked={s.categoryCodes.includes(c.code)} onChange={() => toggle(c.code)} />
              {i18n.language === 'en' ? c.nameEn : c.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid2">
        <fieldset>
          <legend>{t('analysis.form.hotspotSettings')}</legend>
          <label>
            {t('analysis.form.cellSize')}
            <select value={s.cellSize} onChange={num('cellSize')}>
              {CELL_SIZES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('analysis.form.alpha')}
            <select value={s.alpha} onChange={num('alpha')}>
              {ALPHAS.map((a) => (
                <option key={a} value={a}>
                  {String(a).replace('.', ',')}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('analysis.form.permutations')}
            <select value={s.permutations} onChange={num('permutations')}>
              {PERMUTATIONS.map((p) => (
                <option key={p} value={p}>
                  {p === 0 ? t('analysis.form.analytic') : p}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('analysis.form.densitySettings')}</legend>
          <label>
            {t('analysis.form.bandwidth')}
            <input
              type="number"
              min={50}
              max={5000}
              step={10}
              value={s.bandwidth}
              placeholder={t('analysis.form.bandwidthAuto')}
              onChange={(e) => set('bandwidth', e.target.value)}
            />
          </label>
          <p className="muted small">{t('analysis.form.bandwidthAuto')}</p>
        </fieldset>
        <fieldset>
          <legend>{t('analysis.form.nearRepeatSettings')}</legend>
          <label>
            {t('analysis.form.spaceBand')}
            <input type="number" min={10} max={2000} value={s.spaceBand} onChange={num('spaceBand')} required />
          </label>
          <label>
            {t('analysis.form.spaceBands')}
            <input type="number" min={1} max={10} value={s.spaceBands} onChange={num('spaceBands')} required />
          </label>
          <label>
            {t('analysis.form.timeBand')}
            <input type="number" min={1} max={60} value={s.timeBand} onChange={num('timeBand')} required />
          </label>
          <label>
            {t('analysis.form.timeBands')}
            <input type="number" min={1} max={10} value={s.timeBands} onChange={num('timeBands')} required />
          </label>
          <label>
            {t('analysis.form.iterations')}
            <select value={s.iterations} onChange={num('iterations')}>
              {ITERATIONS.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('analysis.form.patternSettings')}</legend>
          <label>
            {t('analysis.form.interval')}
            <select
              value={s.interval}
              onChange={(e) => set('interval', e.target.value as AnalysisFormState['interval'])}
            >
              {(['week', 'month'] as const).map((v) => (
                <option key={v} value={v}>
                  {t(`analysis.form.intervals.${v}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('analysis.form.concentrationUnit')}
            <select
              value={s.concentrationUnit}
              onChange={(e) => set('concentrationUnit', e.target.value as AnalysisFormState['concentrationUnit'])}
            >
              {(['cells', 'places'] as const).map((v) => (
                <option key={v} value={v}>
                  {t(`analysis.form.units.${v}`)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('analysis.form.running') : t('analysis.form.run')}
      </button>
    </form>
  );
}
