import { useTranslation } from 'react-i18next';
import { findingKindLabel, personalDataFindings } from './personal-data.ts';

/**
 * What the personal-data rule found in a refused text, for every form in the app: which field,
 * what kind, and the value masked, with the reason in the user's language. Renders nothing for
 * other errors. `fieldLabel` names a field as the form shows it.
 */
export function PersonalDataAlert({ error, fieldLabel }: { error: unknown; fieldLabel?: (field: string) => string }) {
  const { t, i18n } = useTranslation();
  const findings = personalDataFindings(error);
  if (!findings) return null;
  return (
    <div role="alert" className="error personal-data-alert">
      <p className="tight">{t('personalData.found')}</p>
      <ul className="tight">
        {findings.map((f) => {
          const label = fieldLabel?.(f.field.split('.')[0] ?? f.field);
          return (
            <li key={`${f.field}-${f.kind}-${f.index}`}>
              {label ? `${label}: ` : ''}
              <strong>{findingKindLabel(f)}</strong> <code>{f.masked}</code>
              <span className="muted small"> – {i18n.language === 'en' ? f.reason : f.reasonSv}</span>
            </li>
          );
        })}
      </ul>
      <p className="tight small">{t('personalData.advice')}</p>
    </div>
  );
}
