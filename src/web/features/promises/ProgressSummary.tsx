import { useTranslation } from 'react-i18next';
import type { CommitmentView } from './usePromises.ts';

export function StatusBadge({ status }: { status: CommitmentView['progress']['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge promise-${status}`}>{t(`promises.status.${status}`)}</span>;
}

/** "3 av 5", a bar and, for weekly targets, each place with its missed weeks. */
export function ProgressSummary({ commitment, detailed = false }: { commitment: CommitmentView; detailed?: boolean }) {
  const { t } = useTranslation();
  const p = commitment.progress;
  const share = p.target ? Math.min(100, Math.round((100 * p.done) / p.target)) : 0;
  return (
    <div className="promise-progress">
      <p data-testid="progress-numbers">
        <StatusBadge status={p.status} />{' '}
        {t(`promises.progress.${p.detail.kind}`, { done: p.done, target: p.target, expected: p.expectedByNow })}
      </p>
      <div className="promise-bar" aria-hidden="true">
        <span style={{ width: `${share}%` }} />
      </div>
      {p.detail.kind === 'recurring' ? (
        <ul className="promise-places">
          {p.detail.places.map((place) => (
            <li key={place.placeCode} data-testid={`place-${place.placeCode}`}>
              {commitment.places.find((x) => x.code === place.placeCode)?.name ?? place.placeCode}:{' '}
              {t('promises.weeks', { done: place.weeksWithActivity, elapsed: place.weeksElapsed })}
              {detailed && place.missedWeeks.length ? (
                <span className="muted small"> · {t('promises.missed', { weeks: place.missedWeeks.join(', ') })}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {p.detail.kind === 'per-term' ? (
        <ul className="promise-places">
          {p.detail.terms.map((term) => (
            <li key={term.term}>
              {term.term}: {term.done}/{term.target}
            </li>
          ))}
        </ul>
      ) : null}
      {p.detail.kind === 'deliverable' && p.detail.evidence ? (
        <p className="small">
          {t('promises.evidence')}: {p.detail.evidence}
        </p>
      ) : null}
    </div>
  );
}
