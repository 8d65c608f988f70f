import i18n from 'i18next';
import type { PersonalDataFindingView } from '../../contracts/free-text.ts';
import { ApiError } from './api.ts';

/** The findings of a 422 PERSONAL_DATA answer, or null for any other error. */
export function personalDataFindings(error: unknown): PersonalDataFindingView[] | null {
  if (!(error instanceof ApiError) || error.code !== 'PERSONAL_DATA') return null;
  return (error.details as { findings?: PersonalDataFindingView[] } | undefined)?.findings ?? [];
}

/** "telefonnummer" / "phone number": the kind in the user's language, the server's reason as fallback. */
export function findingKindLabel(finding: Pick<PersonalDataFindingView, 'kind' | 'reason' | 'reasonSv'>): string {
  const key = `personalData.kinds.${finding.kind}`;
  if (i18n.exists(key)) return i18n.t(key);
  const reason = i18n.language === 'en' ? finding.reason : finding.reasonSv;
  return reason.split(' – ')[0] ?? finding.kind;
}

/**
 * One message per field that holds personal data, keyed by the field's first path segment (how
 * forms name their inputs), e.g. `{description: "Får inte innehålla personuppgifter: telefonnummer (070-*** ** **)."}`.
 */
export function personalDataFieldErrors(error: unknown): Record<string, string> {
  const findings = personalDataFindings(error) ?? [];
  const byField = new Map<string, string[]>();
  for (const f of findings) {
    const field = f.field.split('.')[0] ?? f.field;
    byField.set(field, [...(byField.get(field) ?? []), `${findingKindLabel(f)} (${f.masked})`]);
  }
  return Object.fromEntries(
    [...byField].map(([field, found]) => [field, i18n.t('personalData.inField', { found: found.join(', ') })]),
  );
}

/** One sentence naming what was found ("Texten innehåller personuppgifter: telefonnummer (070-*** ** **)."), or null. */
export function personalDataSummary(error: unknown): string | null {
  const findings = personalDataFindings(error);
  if (!findings?.length) return null;
  return i18n.t('personalData.summary', {
    found: findings.map((f) => `${findingKindLabel(f)} (${f.masked})`).join(', '),
  });
}
