import { useTranslation } from 'react-i18next';
import type { EvaluationView } from '../../../contracts/analysis.ts';
import { formatDate } from '../../shared/format.ts';

const pct = (v: number) => new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 2 }).format(v);
const num = (v: number) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 }).format(v);

/** Hit rate, PAI, PEI and RRI of one period's hot spots against the next period's reports. */
export function EvaluationFigures({ view }: { view: EvaluationView }) {
  const { t } = useTranslation();
  const undefinedText = t('analysis.evaluation.notDefined');
  const show = (v: number | null, f: (v: number) => string) => (v === null ? undefinedText : f(v));
  return (
    <div data-testid="evaluation">
      <p className="muted small">
        {t('analysis.evaluation.periods', {
          from1: formatDate(view.period.from),
          to1: formatDate(view.period.to),
          from2: formatDate(view.nextPeriod.from),
          to2: formatDate(view.nextPeriod.to),
        })}
      </p>
      {view.flaggedCells === 0 ? <p className="card">{t('analysis.evaluation.noHotCells')}</p> : null}
      <dl className="facts">
        <dt>{t('analysis.evaluation.hitRate')}</dt>
        <dd>
          {show(view.hitRate, pct)} —{' '}
          {t('analysis.evaluation.hitRateText', { n2: view.period2InFlagged, N2: view.period2Events })}
        </dd>
        <dt>{t('analysis.evaluation.areaShare')}</dt>
        <dd>
          {pct(view.areaShare)} — {t('analysis.evaluation.areaShareText', { k: view.flaggedCells, cells: view.cells })}
        </dd>
        <dt>{t('analysis.evaluation.pai')}</dt>
        <dd>
          {show(view.pai, num)} — {t('analysis.evaluation.paiText')}
        </dd>
        <dt>{t('analysis.evaluation.pei')}</dt>
        <dd>
          {show(view.pei, num)} — {t('analysis.evaluation.peiText')}
        </dd>
        <dt>{t('analysis.evaluation.rri')}</dt>
        <dd>
          {show(view.rri, num)} — {t('analysis.evaluation.rriText')}
        </dd>
      </dl>
    </div>
  );
}
