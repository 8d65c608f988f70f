import { useTranslation } from 'react-i18next';
import type { EmergingCategoryCode, EmergingView } from '../../../contracts/analysis.ts';
import { MapView } from '../../shared/MapView.tsx';
import { formatDate } from '../../shared/format.ts';
import { EMERGING_COLOURS, EmergingLayer } from './EmergingLayer.tsx';

const fmt = (v: number) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 }).format(v);

/**
 * Emerging hot spots: a map coloured by pattern, and the patterns found with their definitions
 * (after Esri's ArcGIS Pro, see the method text). Reusable by other pages (the tertial analysis).
 */
export function EmergingSection({ view }: { view: EmergingView }) {
  const { t } = useTranslation();
  const found = (Object.keys(EMERGING_COLOURS) as Exclude<EmergingCategoryCode, 'none'>[]).filter(
    (c) => view.categories[c] > 0,
  );
  const definition = (c: Exclude<EmergingCategoryCode, 'none'>) => {
    const [base, kind] = c.split('-') as [string, 'hot' | 'cold'];
    const words = t(`analysis.emerging.kinds.${kind}`, { returnObjects: true }) as Record<string, string>;
    return t(`analysis.emerging.definitions.${base}`, words);
  };
  return (
    <div data-testid="emerging">
      <p>
        {t('analysis.emerging.summary', {
          events: view.events,
          from: formatDate(view.period.from),
          to: formatDate(view.period.to),
          steps: view.steps.length,
          size: view.cellSize,
          patterns: view.cells.length,
          cells: view.gridCells,
          alpha: fmt(view.alpha),
        })}
      </p>
      <MapView label={t('analysis.sections.emerging')} height="420px">
        <EmergingLayer cells={view.cells} steps={view.steps.length} />
      </MapView>
      {found.length === 0 ? (
        <p className="card">{t('analysis.emerging.none')}</p>
      ) : (
        <table className="data" data-testid="emerging-patterns">
          <thead>
            <tr>
              <th scope="col">{t('analysis.emerging.pattern')}</th>
              <th scope="col">{t('analysis.emerging.cells')}</th>
              <th scope="col">{t('analysis.emerging.meaning')}</th>
            </tr>
          </thead>
          <tbody>
            {found.map((c) => (
              <tr key={c}>
                <th scope="row">
                  <span className="dot" style={{ background: EMERGING_COLOURS[c], borderRadius: 2 }} />{' '}
                  {t(`analysis.emerging.names.${c}`)}
                </th>
                <td>{view.categories[c]}</td>
                <td className="small">{definition(c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
