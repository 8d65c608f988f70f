import { UnprocessableError } from '../../platform/errors.ts';
import { describeFindingEn, describeFindingSv, findPersonalData } from '../reports/personal-data/personal-data.ts';

/**
 * The register is read by the whole partnership, so its free texts (purpose, motivation,
 * inspection notes) must not identify people: the same check as report texts, with the same
 * 422 PERSONAL_DATA answer. Names of staff in charge are separate, purpose-bound fields.
 */
export function rejectPersonalData(texts: Record<string, string | undefined>): void {
  const found = Object.entries(texts).flatMap(([field, text]) =>
    text ? findPersonalData(text).map((f) => ({ field, ...f })) : [],
  );
  if (found.length === 0) return;
  throw new UnprocessableError(
    'PERSONAL_DATA',
    `The text contains personal data (${[...new Set(found.map((f) => f.kind))].join(', ')})`,
    {
      findings: found.map((f) => ({
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
