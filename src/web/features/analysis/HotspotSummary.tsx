import { useTranslation } from 'react-i18next';
import type { DensityView, HotspotsView } from '../../../contracts/analysis.ts';
import { formatDate } from '../../shared/format.ts';
import { HotspotAreaTable } from './HotspotAreaTable.tsx';

const fmt = (v: number, digits = 2) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: digits }).format(v);

/** The hot-spot result in words: counts, the study area, the areas with significant cells. */
export function HotspotSummary({ view: h }: { view: HotspotsView }) {
  const { t } = useTranslation();
  return (
    <div data-testid="hotspot-summary">
      <p>
        {t('analysis.hotspots.summary', {
          events: h.events,
          from: formatDate(h.period.from),
          to: formatDate(h.period.to),
          hot: h.hotCells,
          cold: h.coldCells,
          cells: h.gridCells,
          size: h.cellSize,
          alpha: fmt(h.alpha),
        })}
      </p>
      {h.hotCells > 0 ? <p>{t('analysis.hotspots.eventsInHot', { count: h.eventsInHotCells })}</p> : null}
      <HotspotAreaTable areas={h.byArea} />
      {h.hotCells + h.coldCells === 0 ? <p className="card">{t('analysis.hotspots.none')}</p> : null}
      {h.minPossibleP !== null ? (
        <p className="card small">
          {t('analysis.hotspots.permutationLimit', {
            n: h.permutations,
            minP: fmt(h.minPossibleP, 4),
            cells: h.gridCells,
          })}
        </p>
      ) : null}
      <p className="muted small">
        {t('analysis.hotspots.studyArea', { cells: h.gridCells, excluded: h.excludedCells })}{' '}
        {h.eventsOutside > 0 ? t('analysis.hotspots.outside', { count: h.eventsOutside }) : null}
      </p>
      <p className="muted small">{t('analysis.hotspots.sparseHint', { minCount: h.minCount })}</p>
    </div>
  );
}

export function DensitySummary({ view: d }: { view: DensityView }) {
  const { t } = useTranslation();
  return (
    <p data-testid="density-summary">
      {t('analysis.density.summary', {
        bandwidth: fmt(d.bandwidth, 0),
        rule: t(`analysis.density.rules.${d.bandwidthRule}`),
        max: fmt(d.maxDensity, 1),
      })}
    </p>
  );
}
