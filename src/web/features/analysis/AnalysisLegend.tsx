import { useTranslation } from 'react-i18next';
import { DENSITY_SHADES } from './DensityLayer.tsx';
import { COLD_COLOUR, HOT_COLOUR } from './HotspotLayer.tsx';

const square = (colour: string) => ({ background: colour, borderRadius: 2 });

/** What the colours on the analysis map mean. */
export function AnalysisLegend({ hotspots, density }: { hotspots: boolean; density: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="legend" aria-label={t('analysis.sections.map')}>
      {hotspots ? (
        <>
          <li>
            <span className="dot" style={square(HOT_COLOUR)} /> {t('analysis.legend.hot')}
          </li>
          <li>
            <span className="dot" style={square(COLD_COLOUR)} /> {t('analysis.legend.cold')}
          </li>
        </>
      ) : null}
      {density ? (
        <li>
          {DENSITY_SHADES.map((c) => (
            <span key={c} className="dot" style={square(c)} />
          ))}{' '}
          {t('analysis.legend.density')}
        </li>
      ) : null}
    </ul>
  );
}
