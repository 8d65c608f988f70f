/** What the personal-data detectors report, and the helpers they share. */
export type PersonalDataKind =
  | 'personal-identity-number'
  | 'coordination-number'
  | 'phone-number'
  | 'email-address'
  | 'vehicle-registration'
  | 'person-name';

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
  /** A version for messages that hides the identifying part, e.g. `19850612-****`. */
  masked: string;
}

/** Replaces every letter and digit from `keep` on with `*`, so separators still show the shape. */
export function maskFrom(value: string, keep: number): string {
  return value.slice(0, keep) + value.slice(keep).replace(/[\p{L}\p{N}]/gu, '*');
}

/**
 * What a detector reports, in the coordinates of the normalised text (normalise.ts). `keep` is how
 * many leading units of `match` stay visible in `masked`, so the mask can be rebuilt on the
 * original text (which may hold fullwidth digits or zero-width characters).
 */
export interface Detection extends PersonalDataFinding {
  keep?: number;
}

/** A finding whose mask shows the first `keep` units and hides every later letter and digit. */
export function detection(kind: PersonalDataKind, match: string, index: number, keep: number): Detection {
  return { kind, match, index, masked: maskFrom(match, keep), keep };
}

/** One detector: finds its kind in a normalised text; offsets are into that text. */
export type Detector = (text: string, options: DetectOptions) => Detection[];
