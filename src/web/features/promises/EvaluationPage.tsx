import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCoordinator, useUser } from '../../app/session.tsx';
import { api } from '../../shared/api.ts';

import {
  currentAgreement,
  todayInSweden,
  useAgreements,
  useEvaluation,
  usePromiseMutation,
  type EvaluationView,
} from './usePromises.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

function AssessmentEditor({ item }: { item: EvaluationView['items'][number] }) {
  const { t } = useTranslation();
  const user = useUser();
  const own = item.assessments.find((a) => a.organisationCode === user.organisationCode);
  const [text, setText] = useState(own?.assessment ?? '');
  const save = usePromiseMutation(() =>
    api.put(`/api/commitments/${item.commitmentId}/assessment`, { assessment: text }),
  );
  return (
    <div>
      <label>
        {t('promises.evaluation.yourAssessment', { organisation: user.organisationName })}
        <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="button" disabled={!text.trim() || save.isPending} onClick={() => save.mutate(undefined)}>
        {t('promises.evaluation.save')}
      </button>
      <ErrorAlert error={save.error} />
    </div>
  );
}

/** End-of-year evaluation: verdicts from the numbers, the parties' words, context, PDF. */
export function EvaluationPage() {
  const { t } = useTranslation();
  const user = useUser();
  const agreements = useAgreements();
  const agreement = currentAgreement(agreements.data);
  const lastYear = agreement
    ? Math.min(Number(todayInSweden().slice(0, 4)), Number(agreement.periodEnd.slice(0, 4)))
    : 0;
  const [picked, setPicked] = useState<number | null>(null);
  const year = picked ?? lastYear;
  const evaluation = useEvaluation(agreement?.id, year);
  const isParty = agreement?.parties.some((p) => p.code === user.organisationCode) ?? false;
  const years = agreement
    ? Array.from(
        { length: Number(agreement.periodEnd.slice(0, 4)) - Number(agreement.periodStart.slice(0, 4)) + 1 },
        (_, i) => Number(agreement.periodStart.slice(0, 4)) + i,
      )
    : [];
  const e = evaluation.data;
  return (
    <section>
      <h1>{t('promises.evaluation.title')}</h1>
      <div className="toolbar">
        <label className="inline">
          {t('promises.year')}
          <select value={year} onChange={(ev) => setPicked(Number(ev.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        {agreement ? (
          <a href={`/api/agreements/${agreement.id}/evaluation.pdf?year=${year}`}>{t('promises.evaluation.pdf')}</a>
        ) : null}
      </div>
      <ErrorAlert error={evaluation.error} />
      {e ? (
        <>
          <p className="muted">{t('promises.evaluation.asOf', { date: e.asOf })}</p>
          {e.items.map((item) => (
            <article key={item.commitmentId} className="card">
              <h2 className="promise-title">
                {item.title}{' '}
                <span className={`badge verdict-${item.verdict}`}>{t(`promises.verdict.${item.verdict}`)}</span>
              </h2>
              <p className="small muted">
                {item.focusAreaName} · {item.progress.done}/{item.progress.target}
              </p>
              {item.assessments.map((a) => (
                <p key={a.organisationCode}>
                  <strong>{a.organisationName}:</strong> {a.assessment}
                </p>
              ))}
              {isCoordinator(user) && isParty ? <AssessmentEditor item={item} /> : null}
            </article>
          ))}
          <h2>{t('promises.evaluation.context')}</h2>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('promises.evaluation.area')}</th>
                <th scope="col">{e.year - 1}</th>
                <th scope="col">{e.year}</th>
              </tr>
            </thead>
            <tbody>
              {e.context.indicators.map((c) => (
                <tr key={c.areaCode}>
                  <td>
                    {c.areaName} ({c.placeNames.join(', ')})
                  </td>
                  <td>{c.before}</td>
                  <td>{c.during}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="caveat">
            <strong>{t('promises.evaluation.caveatLabel')}</strong> {e.context.caveat}
          </p>
        </>
      ) : null}
    </section>
  );
}
