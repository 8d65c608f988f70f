import { UnprocessableError } from '../../platform/errors.ts';
import { describeFindingEn, describeFindingSv, findPersonalData } from '../reports/personal-data/personal-data.ts';

/**
 * Application texts and follow-up results are read across the collaboration (the overview and
 * the yearly summary show them), so they follow the same person-free rule as reports: the
 * reports feature's pure detector, answered with the same PERSONAL_DATA (422) error.
 */
export function rejectPersonalData(fields: Record<string, string | null | undefined>): void {
  const findings = Object.entries(fields).flatMap(([field, text]) =>
    text ? findPersonalData(text).map((f) => ({ field, ...f })) : [],
  );
  if (findings.length === 0) return;
  throw new UnprocessableError(
    'PERSONAL_DATA',
    `The text contains personal data (${[...new Set(findings.map((f) => f.kind))].join(', ')}); fund texts must not identify people`,
    {
      findings: findings.map((f) => ({
        field: f.field,
        kind: f.kind,
        masked: f.masked,
        index: f.index,
        reason: describeFindingEn(f.kind),
        reasonSv: describeFindingSv(f.kind),
      })),
    },
  );
}
