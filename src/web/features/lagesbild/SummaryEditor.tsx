import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useSummarise } from './useLagesbild.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

/** The week's summary; coordinators edit it, everyone else reads it. */
export function SummaryEditor({ week, summary, editable }: { week: string; summary: string; editable: boolean }) {
  const { t } = useTranslation();
  const save = useSummarise(week);
  const [text, setText] = useState(summary);
  // Take over a summary saved elsewhere (another coordinator, a refetch) unless the user is typing.
  const typed = useRef(false);
  useEffect(() => {
    if (!typed.current) setText(summary);
  }, [summary]);
  if (!editable)
    return <p className="summary-text">{summary || <span className="muted">{t('lagesbild.noSummary')}</span>}</p>;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(text, { onSuccess: () => (typed.current = false) });
      }}
    >
      <label>
        {t('lagesbild.summaryLabel')}
        <textarea
          rows={4}
          value={text}
          onChange={(e) => {
            typed.current = true;
            setText(e.target.value);
          }}
        />
      </label>
      <button type="submit" disabled={save.isPending || text === summary}>
        {t('lagesbild.saveSummary')}
      </button>
      {save.isSuccess && text === summary ? (
        <span role="status" className="muted">
          {t('lagesbild.saved')}
        </span>
      ) : null}
      <ErrorAlert error={save.error} />
    </form>
  );
}
