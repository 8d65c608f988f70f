import { useTranslation } from 'react-i18next';
import type { ConcentrationView } from '../../../contracts/analysis.ts';
import { LorenzCurve } from './LorenzCurve.tsx';

const pct = (v: number) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }).format(v * 100);
const num = (v: number) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 }).format(v);

/** Shares of reports in the busiest cells or places, the Gini and the Lorenz curve. */
export function ConcentrationFigures({ view }: { view: ConcentrationView }) {
  const { t } = useTranslation();
  const units = t(`analysis.concentration.units.${view.unit}`);
  return (
    <div data-testid="concentration">
      <ul>
        {view.shares.map((s) => (
          <li key={s.share}>
            {t('analysis.concentration.share', {
              percent: pct(s.share),
              units,
              count: s.units,
              eventShare: pct(s.eventShare),
            })}
          </li>
        ))}
      </ul>
      <p>{t('analysis.concentration.gini', { gini: num(view.gini) })}</p>
      {view.events < view.units ? (
        <p className="small">
          {t('analysis.concentration.generalized', {
            events: view.events,
            units,
            count: view.units,
            gini: num(view.generalizedGini),
          })}
        </p>
      ) : null}
      <div className="row">
        <LorenzCurve points={view.lorenz} label={t('analysis.concentration.lorenz', { units })} />
        <p className="small muted" style={{ maxWidth: '22rem' }}>
          {t('analysis.concentration.lorenz', { units })}
        </p>
      </div>
      {view.top.length ? (
        <table className="data">
          <caption className="small muted" style={{ textAlign: 'left' }}>
            {t('analysis.concentration.top')}
          </caption>
          <tbody>
            {view.top.map((u, i) => (
              <tr key={i}>
                <th scope="row">{u.label}</th>
                <td>{u.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {view.eventsOutside > 0 ? (
        <p className="small muted">
          {t(view.unit === 'places' ? 'analysis.concentration.outsidePlaces' : 'analysis.concentration.outsideCells', {
            count: view.eventsOutside,
          })}
        </p>
      ) : null}
    </div>
  );
}
