import { useTranslation } from 'react-i18next';
import type { AnalysisKind } from '../../../contracts/analysis.ts';
import type { AnalysisRun } from './useAnalysisRun.ts';
import { analysisErrorMessage } from './useAnalysis.ts';

/**
 * A section's state while its analysis runs: "calculating" at once, and after a second its queue
 * place or progress with a cancel button; then the error or the cancellation, if any. Nothing
 * once there is a result (the section shows that).
 */
export function RunStatus({ run, testId }: { run: Omit<AnalysisRun<AnalysisKind>, 'data'>; testId: string }) {
  const { t } = useTranslation();
  if (run.working) {
    const live = run.live;
    const text =
      live?.status === 'queued' && live.position !== null
        ? t('analysis.run.queued', { position: live.position })
        : live?.status === 'running'
          ? t('analysis.run.running', { percent: Math.round(live.progress * 100) })
          : t('analysis.run.starting');
    return (
      <div
        className="run-status"
        role="status"
        aria-live="polite"
        data-testid={testId}
        style={{ display: 'flex', gap: '0.6rem', alignItems: 'center', flexWrap: 'wrap' }}
      >
        <span>{run.slow ? text : t('analysis.run.starting')}</span>
        {run.slow ? (
          <>
            <progress max={1} value={live?.progress ?? 0} aria-label={text} />
            <button type="button" onClick={run.cancel}>
              {t('analysis.run.cancel')}
            </button>
          </>
        ) : null}
      </div>
    );
  }
  if (run.cancelled)
    return (
      <p className="card small" role="status" data-testid={testId}>
        {t('analysis.run.cancelled')}
      </p>
    );
  if (run.isError)
    return (
      <p role="alert" className="error" data-testid={testId}>
        {analysisErrorMessage(run.error)}
      </p>
    );
  return null;
}
