import { useTranslation } from 'react-i18next';

const METHODS = ['gistar', 'fdr', 'permutations', 'kde', 'knox', 'evaluation', 'emerging', 'concentration'] as const;

/** Each method in plain words, open on request so the results stay in view. */
export function MethodExplanations({ metres, days }: { metres: number; days: number }) {
  const { t } = useTranslation();
  return (
    <div data-testid="method-explanations">
      {METHODS.map((m) => (
        <details key={m} className="card">
          <summary>
            <strong>{t(`analysis.methods.${m}.title`)}</strong>
          </summary>
          <p>{t(`analysis.methods.${m}.body`)}</p>
          {m === 'knox' ? <p>{t('analysis.methods.knox.caveats', { metres, days })}</p> : null}
          <p className="small muted">{t(`analysis.methods.${m}.detail`)}</p>
        </details>
      ))}
    </div>
  );
}
