import { useTranslation } from 'react-i18next';

/** ↑/↓/→ against the week before; bold and marked when the change is notable against the baseline. */
export function ChangeArrow({ count, previous, notable }: { count: number; previous: number; notable?: boolean }) {
  const { t } = useTranslation();
  const diff = count - previous;
  const arrow = diff > 0 ? '↑' : diff < 0 ? '↓' : '→';
  const text = diff > 0 ? `+${diff}` : diff < 0 ? `−${-diff}` : '±0';
  const label = t(diff > 0 ? 'lagesbild.change.up' : diff < 0 ? 'lagesbild.change.down' : 'lagesbild.change.same', {
    diff: Math.abs(diff),
  });
  return (
    <span
      className={`change change-${diff > 0 ? 'up' : diff < 0 ? 'down' : 'same'}${notable ? ' notable' : ''}`}
      title={notable ? `${label}. ${t('lagesbild.change.notable')}` : label}
    >
      <span aria-hidden="true">{arrow}</span> {text}
      {notable ? <span className="visually-hidden">{t('lagesbild.change.notable')}</span> : null}
    </span>
  );
}
