import { UnprocessableError } from '../../platform/errors.ts';
import { describeFindingEn, describeFindingSv, findPersonalData } from '../reports/personal-data/personal-data.ts';

/**
 * Meeting texts (actions, assessments, summaries) are shared with the whole partnership and end
 * up in PDFs: they follow the same person-free rule as reports. Throws PERSONAL_DATA (422).
 */
export function rejectPersonalData(texts: Record<string, string | undefined>): void {
  const findings = Object.entries(texts).flatMap(([field, text]) =>
    text
      ? findPersonalData(text).map((f) => ({
          field,
          kind: f.kind,
          masked: f.masked,
          index: f.index,
          reason: describeFindingEn(f.kind),
          reasonSv: describeFindingSv(f.kind),
        }))
      : [],
  );
  if (findings.length === 0) return;
  throw new UnprocessableError(
    'PERSONAL_DATA',
    `The text contains personal data (${[...new Set(findings.map((f) => f.kind))].join(', ')})`,
    { findings },
  );
}
