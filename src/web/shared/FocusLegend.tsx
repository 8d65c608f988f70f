import { useTranslation } from 'react-i18next';
import { useFocusAreas } from './reference.ts';
import { localName } from './localised.ts';

/** What the marker colours mean: one colour per focus area. */
export function FocusLegend() {
  const { t, i18n } = useTranslation();
  const focusAreas = useFocusAreas();
  return (
    <ul className="legend" aria-label={t('map.legend')}>
      {(focusAreas.data ?? []).map((f) => (
        <li key={f.code}>
          <span className="dot" style={{ background: f.color }} aria-hidden="true" /> {localName(i18n.language, f)}
        </li>
      ))}
    </ul>
  );
}
