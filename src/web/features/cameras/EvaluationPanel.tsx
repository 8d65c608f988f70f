import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format.ts';
import { useAreas, useCategories } from '../../shared/reference.ts';
import {
  cameraError,
  useEvaluation,
  type CameraSiteView,
  type EvaluationParams,
  type EvaluationView,
} from './useCameras.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

const dec = (n: number) => n.toLocaleString('sv-SE', { maximumFractionDigits: 2, minimumFractionDigits: 2 });

function OddsRatioLine({ label, help, or }: { label: string; help: string; or: EvaluationView['relativeEffectSize'] }) {
  const { t } = useTranslation();
  return (
    <Fragment>
      <dt>{label}</dt>
      <dd>
        <strong>{dec(or.value)}</strong> ({t('cameras.evaluation.ci', { lower: dec(or.lower), upper: dec(or.upper) })})
        {or.lower <= 1 && or.upper >= 1 ? <> · {t('cameras.evaluation.includesOne')}</> : null}
        {or.corrected ? <> · {t('cameras.evaluation.corrected')}</> : null}
        <br />
        <span className="muted small">{help}</span>
      </dd>
    </Fragment>
  );
}

/** Before/after evaluation against a comparison area the user picks; an estimate with its interval. */
export function EvaluationPanel({ site }: { site: CameraSiteView }) {
  const { t } = useTranslation();
  const areas = useAreas();
  const categories = useCategories();
  const [form, setForm] = useState({
    comparisonArea: '',
    radius: '200',
    ringWidth: '300',
    months: '12',
    categories: '',
  });
  const [params, setParams] = useState<EvaluationParams | null>(null);
  const result = useEvaluation(site.id, params);
  if (!site.installedOn) {
    return (
      <section aria-labelledby="evaluation-title" className="card">
        <h2 id="evaluation-title">{t('cameras.evaluation.title')}</h2>
        <p className="muted">{t('cameras.evaluation.notInstalled')}</p>
      </section>
    );
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    setParams({
      comparisonArea: form.comparisonArea,
      radius: Number(form.radius),
      ringWidth: Number(form.ringWidth),
      months: Number(form.months),
      categories: form.categories,
    });
  }
  const r = result.data;
  const num = (key: 'radius' | 'ringWidth' | 'months') => (
    <label>
      {t(`cameras.evaluation.${key}`)}
      <input
        type="number"
        min={1}
        required
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
    </label>
  );
  return (
    <section aria-labelledby="evaluation-title" className="card">
      <h2 id="evaluation-title">{t('cameras.evaluation.title')}</h2>
      <p className="muted small">{t('cameras.evaluation.intro')}</p>
      <form className="camera-form camera-actions" onSubmit={submit}>
        <label>
          {t('cameras.evaluation.comparisonArea')}
          <select
            required
            value={form.comparisonArea}
            onChange={(e) => setForm({ ...form, comparisonArea: e.target.value })}
          >
            <option value="" />
            {(areas.data ?? [])
              .filter((a) => a.code !== site.areaCode)
              .map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('cameras.fields.category')}
          <select value={form.categories} onChange={(e) => setForm({ ...form, categories: e.target.value })}>
            <option value="">{t('cameras.fields.allCategories')}</option>
            {(categories.data ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        {num('radius')}
        {num('ringWidth')}
        {num('months')}
        <button type="submit">{t('cameras.evaluation.run')}</button>
      </form>
      <ErrorAlert error={result.error} message={cameraError} />
      {r ? (
        <div data-testid="evaluation-result">
          <p>
            {t('cameras.evaluation.periods', {
              beforeFrom: formatDate(r.before.from),
              beforeTo: formatDate(r.before.to),
              afterFrom: formatDate(r.after.from),
              afterTo: formatDate(r.after.to),
              days: r.periodDays,
            })}
            {r.shortened ? <> {t('cameras.evaluation.shortened')}</> : null}
          </p>
          <table className="camera-table">
            <thead>
              <tr>
                <th />
                <th>{t('cameras.evaluation.before')}</th>
                <th>{t('cameras.evaluation.after')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th>{t('cameras.evaluation.zone')}</th>
                <td>{r.counts.treatmentBefore}</td>
                <td>{r.counts.treatmentAfter}</td>
              </tr>
              <tr>
                <th>{t('cameras.evaluation.ring')}</th>
                <td>{r.counts.ringBefore}</td>
                <td>{r.counts.ringAfter}</td>
              </tr>
              <tr>
                <th>{`${t('cameras.evaluation.comparison')} (${r.comparisonArea.name})`}</th>
                <td>{r.counts.comparisonBefore}</td>
                <td>{r.counts.comparisonAfter}</td>
              </tr>
            </tbody>
          </table>
          <dl className="facts">
            <OddsRatioLine
              label={t('cameras.evaluation.res')}
              help={t('cameras.evaluation.resHelp')}
              or={r.relativeEffectSize}
            />
            <OddsRatioLine
              label={t('cameras.evaluation.ringRes')}
              help={t('cameras.evaluation.ringHelp')}
              or={r.ringEffectSize}
            />
            <dt>{t('cameras.evaluation.wdq')}</dt>
            <dd>
              {r.weightedDisplacementQuotient === null
                ? t('cameras.evaluation.wdqUndefined')
                : dec(r.weightedDisplacementQuotient)}
            </dd>
          </dl>
        </div>
      ) : null}
    </section>
  );
}
