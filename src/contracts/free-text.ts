import { z } from 'zod';

/**
 * Text that people type is checked for personal data by the platform's one rule (GDPR art. 10: a
 * coordination tool must not hold data that identifies people). A schema says so by wrapping the
 * string schema of such a field in `freeText()`; the server checks every marked field of every
 * request body before a handler runs, and answers 422 PERSONAL_DATA.
 *
 * Every other unconstrained string in an input schema must say why it is not checked, with
 * `notFreeText()`. A test walks every route's body schema and every input schema here and fails on
 * a plain string that does neither, so a field added later cannot forget the rule. Strings with a
 * format or a pattern (ids, dates, codes, e-mail addresses) are not free text and need no marker.
 */
export interface FreeTextOptions {
  /**
   * The field names a person by purpose (the official responsible for an action, a user's own
   * name): identity numbers, phone numbers and the rest are still refused, names are not.
   */
  allowNames?: boolean;
}

export const freeTextRegistry = z.registry<Required<FreeTextOptions>>();

/** Why an unconstrained input string is not checked for personal data. */
export const notFreeTextRegistry = z.registry<{ reason: string }>();

/** Marks a string schema as free text checked for personal data; returns the same schema. */
export function freeText<T extends z.ZodString>(schema: T, options: FreeTextOptions = {}): T {
  // Never empty: a zod registry answers `undefined` for empty metadata.
  freeTextRegistry.add(schema, { allowNames: options.allowNames ?? false });
  return schema;
}

/** Marks a string schema as deliberately not checked, with the reason; returns the same schema. */
export function notFreeText<T extends z.ZodType>(schema: T, reason: string): T {
  notFreeTextRegistry.add(schema, { reason });
  return schema;
}

/** A code chosen from the municipality's reference data (category, area, place): not free text. */
export const referenceCode = () => notFreeText(z.string().min(1).max(64), 'a code chosen from reference data');

/** One finding of the personal-data rule, as a 422 PERSONAL_DATA lists it in `details.findings`. */
export interface PersonalDataFindingView {
  /** The field as the request named it: `description`, `items.0.note`. */
  field: string;
  kind: string;
  /** The value with its identifying part hidden, e.g. `811218-****`. */
  masked: string;
  index: number;
  reason: string;
  reasonSv: string;
}
