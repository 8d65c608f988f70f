import i18n from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api.ts';
import { errorMessage, fieldErrors } from '../../shared/errors.ts';
import { PersonalDataAlert } from '../../shared/PersonalDataAlert.tsx';
import { personalDataFindings } from '../../shared/personal-data.ts';

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
  const { t } = useTranslation();
  if (!error) return null;
  if (personalDataFindings(error)) {
    return (
      <PersonalDataAlert
        error={error}
        fieldLabel={(field) => (i18n.exists(`actions.fields.${field}`) ? t(`actions.fields.${field}`) : field)}
      />
    );
  }
  return (
    <p role="alert" className="error">
      {errorMessage(error)}
    </p>
  );
}
