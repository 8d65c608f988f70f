import i18n from 'i18next';
import { ApiError } from './api.ts';
import { personalDataFieldErrors, personalDataSummary } from './personal-data.ts';

/** A message for the user, in the current language, from an API error code. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const found = personalDataSummary(error);
    if (found) return found;
    const key = `errors.${error.code}`;
    if (i18n.exists(key)) return i18n.t(key);
    return i18n.t('errors.GENERIC', { code: error.code });
  }
  return i18n.t('errors.NETWORK');
}

interface FieldDetail {
  path: string;
  message: string;
  code: string;
}

/** Field-level problems from a 400 (or a 422 PERSONAL_DATA), keyed by field name (the first path segment under body). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (error instanceof ApiError && error.code === 'PERSONAL_DATA') return personalDataFieldErrors(error);
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const result: Record<string, string> = {};
  for (const d of error.details as FieldDetail[]) {
    const field = d.path.replace(/^body\./, '').split('.')[0] ?? '';
    const key = `fieldErrors.${d.code}`;
    result[field] = i18n.exists(key) ? i18n.t(key) : d.message;
  }
  return result;
}
