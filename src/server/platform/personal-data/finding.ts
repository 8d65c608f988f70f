/** What the personal-data detectors report, and the helpers they share. */
export type PersonalDataKind =
  'personal-identity-number' | 'coordination-number' | 'phone-number' | 'email-address' | 'vehicle-registration';

/**
 * The municipality's own names for places (areas, named places, the municipality itself), from
 * its reference data: a place name is never a person's name, even when it starts with one.
 */
export interface Gazetteer {
  names: readonly string[];
}

export interface DetectOptions {
  gazetteer?: Gazetteer | undefined;
  /** The field names a person by purpose: do not report names (every other kind still counts). */
  allowNames?: boolean | undefined;
}

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** The exact substring of the input. Never show it back to others; use `masked`. */
  match: string;
  /** UTF-16 offset of `match` in the input. */
  index: number;
  /** A version for messages that hides most of the value, e.g. `19850612-****`. */
  masked: string;
}

/** Replaces every letter and digit from `keep` on with `*`, so separators still show the shape. */
export function maskFrom(value: string, keep: number): string {
  return value.slice(0, keep) + value.slice(keep).replace(/[\p{L}\p{N}]/gu, '*');
}

// Non-breaking spaces come in through copy-paste from Word and web pages; treat them as spaces.
export const SPACE = '[ \\u00a0]';
