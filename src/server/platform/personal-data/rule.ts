/**
 * The personal-data rule, once for the whole platform: every text a person types (reports,
 * meeting texts, promises, cameras, fund, imports) is checked here and refused with one error,
 * 422 PERSONAL_DATA with `details.findings: [{field, kind, masked, ...}]`.
 *
 * Request bodies are checked by the guard plugin (`guard-plugin.ts`) from the fields their schema
 * marks with `freeText()`; imports and other texts that do not arrive as a marked body field call
 * `assertNoPersonalData` themselves.
 */
import type { PersonalDataFindingView } from '../../../contracts/free-text.ts';
import { UnprocessableError } from '../errors.ts';
import { describeFindingEn, describeFindingSv, findPersonalData } from './detector.ts';
import type { Gazetteer, PersonalDataKind } from './finding.ts';

export interface TextField {
  /** Where the text is, as the client named it (`description`, `items.2.note`, `row 14: note`). */
  field: string;
  text: string | null | undefined;
  /** The field names a person by purpose: names are allowed, every other identifier is not. */
  allowNames?: boolean;
}

/** One finding as the API reports it. The matched value itself never leaves the server. */
export interface FieldFinding extends PersonalDataFindingView {
  kind: PersonalDataKind;
}

/** Every finding in the given fields, in field order. */
export function findPersonalDataInFields(fields: readonly TextField[], gazetteer?: Gazetteer): FieldFinding[] {
  return fields.flatMap(({ field, text, allowNames }) =>
    text
      ? findPersonalData(text, { gazetteer, allowNames }).map((f) => ({
          field,
          kind: f.kind,
          masked: f.masked,
          index: f.index,
          reason: describeFindingEn(f.kind),
          reasonSv: describeFindingSv(f.kind),
        }))
      : [],
  );
}

export class PersonalDataError extends UnprocessableError {
  constructor(readonly findings: FieldFinding[]) {
    super(
      'PERSONAL_DATA',
      `The text contains personal data (${[...new Set(findings.map((f) => f.kind))].join(', ')}); ` +
        'texts must be about places and situations and never identify people',
      { findings },
    );
  }
}

/**
 * Throws PERSONAL_DATA (422) when any field holds personal data. Takes a list of fields or a
 * record of field name -> text.
 */
export function assertNoPersonalData(
  fields: readonly TextField[] | Record<string, string | null | undefined>,
  gazetteer?: Gazetteer,
): void {
  const list = Array.isArray(fields)
    ? (fields as readonly TextField[])
    : Object.entries(fields).map(([field, text]) => ({ field, text }));
  const findings = findPersonalDataInFields(list, gazetteer);
  if (findings.length > 0) throw new PersonalDataError(findings);
}
