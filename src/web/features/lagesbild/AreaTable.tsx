import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaFigureView, AssessmentLevel } from '../../../contracts/lagesbild.ts';
import { errorMessage } from '../../shared/errors.ts';
import { formatNumber } from '../../shared/format.ts';
import { ChangeArrow } from './ChangeArrow.tsx';
import { Sparkline } from './Sparkline.tsx';
import { useAssess } from './useLagesbild.ts';

const LEVELS: AssessmentLevel[] = ['green', 'yellow', 'red'];

function AssessmentEditor({ week, area }: { week: string; area: AreaFigureView }) {
  const { t } = useTranslation();
  const assess = useAssess(week);
  const [level, setLevel] = useState<AssessmentLevel | ''>(area.assessment?.level ?? '');
  const [comment, setComment] = useState(area.assessment?.comment ?? '');
  const dirty = level !== (area.assessment?.level ?? '') || comment !== (area.assessment?.comment ?? '');
  return (
    <form
      className="assessment-editor"
      onSubmit={(event) => {
        event.preventDefault();
        if (level) assess.mutate({ areaCode: area.areaCode, level, comment });
      }}
    >
      <select
        aria-label={t('lagesbild.assessmentFor', { area: area.name })}
        value={level}
        onChange={(e) => setLevel(e.target.value as AssessmentLevel)}
        className={level ? `level-${level}` : ''}
      >
        <option value="">{t('lagesbild.level.none')}</option>
        {LEVELS.map((l) => (
          <option key={l} value={l}>
            {t(`lagesbild.level.${l}`)}
          </option>
        ))}
      </select>
      <input
        aria-label={t('lagesbild.commentFor', { area: area.name })}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder={t('lagesbild.comment')}
      />
      <button
        type="submit"
        disabled={!level || !dirty || assess.isPending}
        aria-label={t('lagesbild.saveAssessmentFor', { area: area.name })}
      >
        {t('lagesbild.save')}
      </button>
      {assess.isError ? (
        <span role="alert" className="field-error">
          {errorMessage(assess.error)}
        </span>
      ) : null}
    </form>
  );
}

/** The areas: this week, the week before, the 8-week mean, the trend, open actions and the assessment. */
export function AreaTable({ week, areas, editable }: { week: string; areas: AreaFigureView[]; editable: boolean }) {
  const { t } = useTranslation();
  return (
    <table className="data lagesbild-areas">
      <caption className="visually-hidden">{t('lagesbild.areasCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('lagesbild.area')}</th>
          <th scope="col" className="num">
            {t('lagesbild.count')}
          </th>
          <th scope="col" className="num">
            {t('lagesbild.previous')}
          </th>
          <th scope="col" className="num">
            {t('lagesbild.baseline')}
          </th>
          <th scope="col">{t('lagesbild.changeHeading')}</th>
          <th scope="col">{t('lagesbild.trend')}</th>
          <th scope="col">{t('lagesbild.openActions')}</th>
          <th scope="col">{t('lagesbild.assessment')}</th>
        </tr>
      </thead>
      <tbody>
        {areas.map((a) => (
          <tr key={a.areaCode} data-area={a.areaCode} className={a.assessment ? `row-${a.assessment.level}` : ''}>
            <th scope="row">{a.name}</th>
            <td className="num big-number">{a.count}</td>
            <td className="num">{a.previousCount}</td>
            <td className="num">{formatNumber(Math.round(a.baselineMean * 10) / 10)}</td>
            <td>
              <ChangeArrow count={a.count} previous={a.previousCount} notable={a.change.notable} />
            </td>
            <td>
              <Sparkline
                series={a.series}
                label={t('lagesbild.sparkline', { area: a.name, counts: a.series.map((s) => s.count).join(', ') })}
              />
            </td>
            <td>
              {a.openActions}
              {a.overdueActions ? (
                <span className="badge overdue">{t('lagesbild.overdueCount', { count: a.overdueActions })}</span>
              ) : null}
            </td>
            <td>
              {editable ? (
                <AssessmentEditor key={`${a.assessment?.level}-${a.assessment?.comment}`} week={week} area={a} />
              ) : a.assessment ? (
                <span className={`level-chip level-${a.assessment.level}`}>
                  {t(`lagesbild.level.${a.assessment.level}`)}
                  {a.assessment.comment ? `: ${a.assessment.comment}` : ''}
                </span>
              ) : (
                <span className="muted">{t('lagesbild.level.none')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
