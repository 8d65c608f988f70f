import { useTranslation } from 'react-i18next';
import type { NearRepeatView } from '../../../contracts/analysis.ts';
import { formatDate } from '../../shared/format.ts';
import { WarningNote } from './WarningNote.tsx';
import { isMarked } from './knox-marking.ts';

const num = (v: number | null, digits = 2) =>
  v === null ? '–' : new Intl.NumberFormat('sv-SE', { maximumFractionDigits: digits }).format(v);
/** Ratios always with two decimals, so what is bold never reads "1". */
const ratioText = (v: number | null) =>
  v === null ? '–' : new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);

/** The Knox table as one row per distance x time band, with the verdict (or its absence) above it. */
export function NearRepeatTable({ view }: { view: NearRepeatView }) {
  const { t, i18n } = useTranslation();
  const spaceLabel = (i: number) => {
    const b = view.spaceBands[i]!;
    if (i === 0) return t('analysis.nearRepeat.sameLocation');
    return b.max === null
      ? t('analysis.nearRepeat.beyondMetres', { min: b.min })
      : t('analysis.nearRepeat.metres', { min: b.min, max: b.max });
  };
  const timeLabel = (j: number) => {
    const b = view.timeBands[j]!;
    return b.max === null
      ? t('analysis.nearRepeat.beyondDays', { max: b.min - 1 })
      : t('analysis.nearRepeat.days', { min: b.min, max: b.max });
  };
  return (
    <div>
      <p className="muted small">
        {t('analysis.nearRepeat.summary', {
          events: view.events,
          from: formatDate(view.period.from),
          to: formatDate(view.period.to),
          iterations: view.iterations,
        })}
      </p>
      {view.verdict ? (
        // A raised risk is a warning, never good news: the warning style, not a success box.
        <WarningNote title={t('analysis.warning.title')} testId="near-repeat-verdict">
          {i18n.language === 'en' ? view.verdict.en : view.verdict.sv}
        </WarningNote>
      ) : (
        <p className="card" data-testid="near-repeat-verdict">
          {t('analysis.nearRepeat.noVerdict')}
        </p>
      )}
      <table className="data">
        <caption className="small muted" style={{ textAlign: 'left' }}>
          {t('analysis.nearRepeat.table')}. {t('analysis.nearRepeat.significant')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('analysis.nearRepeat.distance')}</th>
            <th scope="col">{t('analysis.nearRepeat.time')}</th>
            <th scope="col">{t('analysis.nearRepeat.observed')}</th>
            <th scope="col">{t('analysis.nearRepeat.expected')}</th>
            <th scope="col">{t('analysis.nearRepeat.ratio')}</th>
            <th scope="col">{t('analysis.nearRepeat.p')}</th>
          </tr>
        </thead>
        <tbody>
          {view.observed.flatMap((row, i) =>
            row.map((observed, j) => {
              const ratio = view.ratio[i]![j]!;
              const p = view.p[i]![j]!;
              const marked = isMarked(view, i, j);
              return (
                <tr
                  key={`${i}:${j}`}
                  style={marked ? { fontWeight: 700 } : undefined}
                  data-marked={marked ? 'true' : undefined}
                >
                  <td>{spaceLabel(i)}</td>
                  <td>{timeLabel(j)}</td>
                  <td>{num(observed, 0)}</td>
                  <td>{num(view.expected[i]![j]!, 1)}</td>
                  <td>{ratioText(ratio)}</td>
                  <td>{num(p, 3)}</td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </div>
  );
}
