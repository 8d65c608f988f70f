import { useTranslation } from 'react-i18next';
import type { LagesbildView } from '../../../contracts/lagesbild.ts';
import { formatDateTime, formatNumber } from '../../shared/format.ts';
import { ActionsPanel } from './ActionsPanel.tsx';
import { AreaTable } from './AreaTable.tsx';
import { CategoryMatrix } from './CategoryMatrix.tsx';
import { SummaryEditor } from './SummaryEditor.tsx';
import { WeekMap } from './WeekMap.tsx';

/** Everything the meeting goes through, in meeting order. Used by the live view and by published versions. */
export function PictureBody({ picture, editable }: { picture: LagesbildView; editable: boolean }) {
  const { t } = useTranslation();
  const week = picture.week;
  return (
    <>
      <div className="key-figures" data-testid="key-figures">
        <div>
          <span className="figure">{picture.total}</span> {t('lagesbild.reportsThisWeek')}
        </div>
        <div>
          <span className="figure">{picture.previousTotal}</span> {t('lagesbild.weekBefore')}
        </div>
        <div>
          <span className="figure">{formatNumber(Math.round(picture.baselineTotal * 10) / 10)}</span>{' '}
          {t('lagesbild.baselineLong')}
        </div>
        <div>
          <span className="figure">{picture.recurringPlaces.length}</span> {t('lagesbild.recurringPlaces')}
        </div>
        <div>
          <span className="figure">{picture.newSinceLastMeeting.count}</span>{' '}
          {t('lagesbild.newSince', { since: formatDateTime(picture.newSinceLastMeeting.since) })}
        </div>
      </div>
      {picture.notableChanges.length > 0 ? (
        <section className="card notable" aria-labelledby="notable-heading">
          <h2 id="notable-heading">{t('lagesbild.notableHeading')}</h2>
          <ul>
            {picture.notableChanges.map((n) => (
              <li key={`${n.scope}-${n.code}`}>
                {t(n.direction === 'up' ? 'lagesbild.notableUp' : 'lagesbild.notableDown', {
                  name: n.name,
                  count: n.count,
                  baseline: formatNumber(Math.round(n.baselineMean * 10) / 10),
                })}
              </li>
            ))}
          </ul>
          <p className="muted small">{t('lagesbild.notableMethod')}</p>
        </section>
      ) : null}
      <WeekMap picture={picture} />
      <h2>{t('lagesbild.areasHeading')}</h2>
      <AreaTable week={week} areas={picture.byArea} editable={editable} />
      <h2>{t('lagesbild.matrixHeading')}</h2>
      <CategoryMatrix picture={picture} />
      <h2>{t('lagesbild.summary')}</h2>
      <SummaryEditor week={week} summary={picture.summary} editable={editable} />
      <ActionsPanel week={week} picture={picture} editable={editable} />
    </>
  );
}
