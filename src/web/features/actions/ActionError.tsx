import i18n from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api.ts';
import { errorMessage, fieldErrors } from '../../shared/errors.ts';
import { pickLanguage } from '../../shared/localised.ts';

/** One finding of the server's personal-data check (422 PERSONAL_DATA, `details.findings`). */
interface PersonalDataFinding {
  field?: string;
  kind: string;
  masked: string;
  index: number;
  reason: string;
  reasonSv: string;
}

const findingsOf = (error: unknown): PersonalDataFinding[] | null =>
  error instanceof ApiError && error.code === 'PERSONAL_DATA'
    ? ((error.details as { findings?: PersonalDataFinding[] } | undefined)?.findings ?? [])
    : null;

/**
 * Field problems of a refused action change, keyed by field. Codes only actions answer
 * (PLACE_NOT_IN_AREA, UNKNOWN_REPORT, ...) get this feature's texts; the rest the shared ones.
 */
export function actionFieldErrors(error: unknown): Record<string, string> {
  const result = fieldErrors(error);
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return result;
  for (const d of error.details as { path: string; code: string }[]) {
    const key = `actions.fieldErrors.${d.code}`;
    if (i18n.exists(key)) result[d.path.replace(/^body\./, '').split('.')[0] ?? ''] = i18n.t(key);
  }
  return result;
}

/** Why an action could not be saved, in the user's language; personal data found is listed. */
export function ActionError({ error }: { error: unknown }) {
  const { t, i18n: current } = useTranslation();
  if (!error) return null;
  const findings = findingsOf(error);
  if (findings) {
    return (
      <div role="alert" className="error">
        <p>{findings.length > 0 ? t('actions.personalDataFound') : errorMessage(error)}</p>
        {findings.length > 0 ? (
          <ul>
            {findings.map((f) => (
              <li key={`${f.field ?? ''}-${f.kind}-${f.index}`}>
                {f.field && i18n.exists(`actions.fields.${f.field}`) ? `${t(`actions.fields.${f.field}`)}: ` : ''}
                <code>{f.masked}</code> – {pickLanguage(current.language, f.reasonSv, f.reason)}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  return (
    <p role="alert" className="error">
      {errorMessage(error)}
    </p>
  );
}
