import { useTranslation } from 'react-i18next';
import type { HotspotAreaView } from '../../../contracts/analysis.ts';

/** Significant cells per area: the hot-spot result in words, for the meeting and for screen readers. */
export function HotspotAreaTable({ areas }: { areas: readonly HotspotAreaView[] }) {
  const { t } = useTranslation();
  if (areas.length === 0) return null;
  return (
    <table className="data" data-testid="hotspot-areas">
      <caption className="small muted" style={{ textAlign: 'left' }}>
        {t('analysis.hotspots.byArea')}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('analysis.hotspots.area')}</th>
          <th scope="col">{t('analysis.hotspots.hotCells')}</th>
          <th scope="col">{t('analysis.hotspots.coldCells')}</th>
          <th scope="col">{t('analysis.hotspots.eventsInHotCells')}</th>
        </tr>
      </thead>
      <tbody>
        {areas.map((a) => (
          <tr key={a.areaCode}>
            <th scope="row">{a.name}</th>
            <td>{a.hotCells}</td>
            <td>{a.coldCells}</td>
            <td>{a.eventsInHotCells}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
