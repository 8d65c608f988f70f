/**
 * Swedish vehicle registration numbers in a normalised text (normalise.ts: fullwidth letters and
 * digits are ASCII, zero-width characters gone, dashes `-`).
 *
 * Plates: three letters without I, Q, V (too like 1, O, U), then three digits or, since 2019, two
 * digits and a letter that is also not O (too like 0). Å, Ä, Ö are never used. People write them
 * `ABC 123`, `ABC123`, `ABC-123`, `abc123`, `Abc 123` and `A B C 1 2 3`.
 *
 * Decisions (each pinned by a test):
 * - A word from `PLATE_LIKE_WORDS` is not a plate (`och 123`, `Tel 123`, `SEK 500`, `BMW 530`): a real
 *   plate spelling one is missed; that is the price of not flagging ordinary sentences.
 * - Lowercase, unseparated, with only the letters a-f (`fed123`, `bec12d`): a hexadecimal tag (test
 *   runs, ticket ids, short hashes: `randomBytes(3).toString('hex')` gives one in ~50), unless the
 *   text speaks of a vehicle (`bil abc123`). This is why a load test with random hex tags in its
 *   texts was refused with 422. A real plate is all a-f in ~1.8 % of letter combinations, and typed
 *   in lowercase with no vehicle word in the text in few of those.
 */
import { detection, type Detection } from './finding.ts';
import { PLATE_LIKE_WORDS } from './plate-like-words.ts';

const UPPER = 'A-HJ-PR-UW-Z';
const LOWER = 'a-hj-pr-uw-z';
const LAST_UPPER = 'A-HJ-NPR-UW-Z';
const LAST_LOWER = 'a-hj-npr-uw-z';

// The plate's shape, in ASCII classes only (fast); boundaries are checked on each match below.
const PLATE_CANDIDATE = new RegExp(
  `(?:[${UPPER}]{3}|[${LOWER}]{3}|[${UPPER}][${LOWER}]{2})[ -]?\\d\\d[\\d${LAST_UPPER}${LAST_LOWER}]` +
    `|[${UPPER}] [${UPPER}] [${UPPER}] \\d \\d [\\d${LAST_UPPER}]`,
  'g',
);
const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** The plate is a token of its own: not inside a word, a number or a `#tag`, nor a longer spaced run. */
function standsAlone(text: string, start: number, end: number, spaced: boolean): boolean {
  const before = text.charAt(start - 1);
  if (before && (WORD_CHAR.test(before) || before === '#')) return false;
  if (WORD_CHAR.test(text.charAt(end))) return false;
  if (!spaced) return true;
  const isolated = (at: number) =>
    WORD_CHAR.test(text.charAt(at)) && !WORD_CHAR.test(text.charAt(at - 1)) && !WORD_CHAR.test(text.charAt(at + 1));
  return !(before === ' ' && isolated(start - 2)) && !(text.charAt(end) === ' ' && isolated(end + 1));
}

const HEX_TAG = /^[a-f]{3}\d\d[\da-f]$/;

// Words that make a lowercase hex-looking token a plate after all.
const VEHICLE_CONTEXT =
  /(?<!\p{L})(?:bil\p{L}*|\p{L}*bil(?:en|ar|arna)?|fordon\p{L}*|reg|regnr|reg\.?nr\.?|registrering\p{L}*|skylt\p{L}*|moped\p{L}*|mc|motorcykel\p{L}*|taxi|släp\p{L}*|volvo|saab|audi|bmw|vw|volkswagen|toyota|mercedes|ford|tesla|golf|kombi|suv|parkera\p{L}*|förare\p{L}*|körde)(?!\p{L})/iu;

// Cheap pre-check without Unicode classes: most texts have no three letters before two digits.
const MAY_HOLD_PLATE = /[A-Za-z][ -]?\d\d|[A-Z] \d \d/;

export function detectVehicleRegistrations(text: string): Detection[] {
  if (!MAY_HOLD_PLATE.test(text)) return [];
  const findings: Detection[] = [];
  let vehicleContext: boolean | undefined;
  for (const m of text.matchAll(PLATE_CANDIDATE)) {
    const spaced = m[0].charAt(1) === ' ';
    if (!standsAlone(text, m.index, m.index + m[0].length, spaced)) continue;
    if (!spaced) {
      if (PLATE_LIKE_WORDS.has(m[0].slice(0, 3).toLowerCase())) continue;
      if (HEX_TAG.test(m[0])) {
        vehicleContext ??= VEHICLE_CONTEXT.test(text);
        if (!vehicleContext) continue;
      }
    }
    findings.push(detection('vehicle-registration', m[0], m.index, 1));
  }
  return findings;
}
