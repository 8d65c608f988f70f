import { useTranslation } from 'react-i18next';
import { Pane, Polygon, Tooltip } from 'react-leaflet';
import type { EmergingCategoryCode, EmergingCellView } from '../../../contracts/analysis.ts';

/**
 * One colour per pattern: hot spots in reds and oranges (darkest for intensifying, pale for new),
 * cold spots in blues and purples, historical ones greyed, close to the palette analysts know
 * from ArcGIS.
 */
export const EMERGING_COLOURS: Record<Exclude<EmergingCategoryCode, 'none'>, string> = {
  'new-hot': '#fcbba1',
  'consecutive-hot': '#fc9272',
  'intensifying-hot': '#99000d',
  'persistent-hot': '#cb181d',
  'diminishing-hot': '#fb6a4a',
  'sporadic-hot': '#fdae6b',
  'oscillating-hot': '#e6550d',
  'historical-hot': '#c7a3a3',
  'new-cold': '#c6dbef',
  'consecutive-cold': '#9ecae1',
  'intensifying-cold': '#08306b',
  'persistent-cold': '#2171b5',
  'diminishing-cold': '#6baed6',
  'sporadic-cold': '#bcbddc',
  'oscillating-cold': '#6a51a3',
  'historical-cold': '#a3b3c7',
};

/** Cells with an emerging-hot-spot pattern on a `MapView`, coloured by pattern. */
export function EmergingLayer({ cells, steps }: { cells: readonly EmergingCellView[]; steps: number }) {
  const { t } = useTranslation();
  return (
    <Pane name="analysis-emerging" style={{ zIndex: 420 }}>
      {cells.map((c) => {
        if (c.category === 'none') return null;
        const colour = EMERGING_COLOURS[c.category];
        return (
          <Polygon
            key={`${c.col}:${c.row}`}
            positions={c.polygon.map(([lon, lat]) => [lat, lon] as [number, number])}
            className={`emerging-cell ${c.category}`}
            pathOptions={{ color: colour, weight: 1, fillColor: colour, fillOpacity: 0.7 }}
          >
            <Tooltip sticky>
              {t('analysis.emerging.tooltip', {
                category: t(`analysis.emerging.names.${c.category}`),
                count: c.count,
                hot: c.hotBins,
                cold: c.coldBins,
                steps,
              })}
            </Tooltip>
          </Polygon>
        );
      })}
    </Pane>
  );
}
