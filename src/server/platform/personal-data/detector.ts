/**
 * Personal-data detector for free-text reports.
 *
 * Reports describe unsafe places and situations and must stay person-free (GDPR art. 10: data on
 * offences may only be processed under official authority, so a coordination tool must not hold them
 * about identifiable people). This module flags the person identifiers that are reliably recognisable
 * in text: personnummer, samordningsnummer, phone numbers, e-mail addresses and vehicle registration
 * numbers. Names and addresses cannot be recognised by pattern and are out of scope here.
 *
 * Pure and I/O-free. Every detector works on a "candidate then validate" basis: a permissive regex
 * finds a token with its boundaries, then a plain function decides. This keeps the regexes readable and
 * puts every heuristic in one visible place.
 *
 * Decisions on ambiguous cases (each one is pinned by a test):
 * - Identity number with a valid date but a bad check digit: NOT a finding. It is most often an order,
 *   invoice or case number that happens to start with a date, and a hard block on it would push partners
 *   to work around the check. Because such a token in the canonical written form (`YYMMDD-NNNN`,
 *   `YYYYMMDD-NNNN`, or 12 digits starting 18/19/20) is also a likely typo of a real number,
 *   `findSuspectedIdentityNumbers` returns those separately so the UI can ask "is this a personnummer?"
 *   without blocking. A bare 10-digit number is not suspected: phone and order numbers look the same.
 * - Police diary numbers (`5000-K123456-26`) and municipal case references (`2026-1234`): NOT findings.
 *   They identify a case, not a person; partners need them to coordinate, and whoever can resolve one to
 *   a person already holds that record lawfully.
 * - A bare 10-digit number that is both a valid personnummer (Luhn) and a valid phone number
 *   (`0701234567` = 2007-01-23): reported once, as an identity number, the more sensitive reading.
 *   Either way the text is flagged.
 * - Registration numbers: three letters in one case (`ABC 123`, `abc123`), never title case (`Och 123`
 *   is a sentence start), and not a word from `PLATE_LIKE_WORDS` (`och`, `tel`, `SEK`...).
 * - Phone numbers: any `+` international number with 8-15 digits is flagged too, not only +46: a
 *   Danish number is as personal as a Swedish one. Switchboard and service numbers (`020-123 456`)
 *   are flagged as well; a pattern cannot tell them from a person's number, and the reporter can
 *   describe the organisation instead.
 */

import { maskFrom, SPACE, type DetectOptions, type PersonalDataFinding, type PersonalDataKind } from './finding.ts';
import { detectPhoneNumbers } from './phone-numbers.ts';

export type { DetectOptions, Gazetteer, PersonalDataFinding, PersonalDataKind } from './finding.ts';

/**
 * All personal data found in `text`, sorted by index, with no two findings overlapping.
 * When detectors disagree on a span, the earlier detector in `DETECTORS` wins.
 */
// TODO(issue 11): names (a first name followed by a capitalised word, gazetteer names excluded) use `_options`.
export function findPersonalData(text: string, _options: DetectOptions = {}): PersonalDataFinding[] {
  const accepted: PersonalDataFinding[] = [];
  for (const detect of DETECTORS) {
    for (const finding of detect(text)) {
      if (!accepted.some((other) => overlaps(other, finding))) accepted.push(finding);
    }
  }
  return accepted.sort((a, b) => a.index - b.index);
}

/**
 * Identity numbers in their canonical written form (with `-`/`+`, or 12 digits with century) whose
 * date is valid but whose check digit is not: probably a typo of a real number. Meant for a soft
 * warning, not a block. Tokens that `findPersonalData` reports for another reason are left out.
 */
export function findSuspectedIdentityNumbers(text: string): PersonalDataFinding[] {
  const reported = findPersonalData(text);
  return scanIdentityNumbers(text, 'suspected').filter(
    (finding) => !reported.some((other) => overlaps(other, finding)),
  );
}

const REASON_SV: Record<PersonalDataKind, string> = {
  'personal-identity-number':
    'personnummer – rapporter får inte innehålla uppgifter som identifierar personer (GDPR art. 10)',
  'coordination-number':
    'samordningsnummer – rapporter får inte innehålla uppgifter som identifierar personer (GDPR art. 10)',
  'phone-number':
    'telefonnummer – kan kopplas till en person; rapporter får inte innehålla uppgifter som identifierar personer (GDPR art. 10)',
  'email-address':
    'e-postadress – kan kopplas till en person; rapporter får inte innehålla uppgifter som identifierar personer (GDPR art. 10)',
  'vehicle-registration':
    'registreringsnummer – kan kopplas till fordonets ägare; rapporter får inte innehålla uppgifter som identifierar personer (GDPR art. 10)',
};

const REASON_EN: Record<PersonalDataKind, string> = {
  'personal-identity-number':
    'personal identity number – reports must not contain data that identifies people (GDPR art. 10)',
  'coordination-number': 'coordination number – reports must not contain data that identifies people (GDPR art. 10)',
  'phone-number':
    'phone number – can be linked to a person; reports must not contain data that identifies people (GDPR art. 10)',
  'email-address':
    'e-mail address – can be linked to a person; reports must not contain data that identifies people (GDPR art. 10)',
  'vehicle-registration':
    "vehicle registration number – can be linked to the vehicle's owner; reports must not contain data that identifies people (GDPR art. 10)",
};

/** Short Swedish reason for a finding, for messages to the reporter. */
export function describeFindingSv(kind: PersonalDataKind): string {
  return REASON_SV[kind];
}

/** Short English reason for a finding. */
export function describeFindingEn(kind: PersonalDataKind): string {
  return REASON_EN[kind];
}

// ---------------------------------------------------------------------------------------------------
// Shared helpers

type Detector = (text: string) => PersonalDataFinding[];

function overlaps(a: PersonalDataFinding, b: PersonalDataFinding): boolean {
  return a.index < b.index + b.match.length && b.index < a.index + a.match.length;
}

// ---------------------------------------------------------------------------------------------------
// Personnummer and samordningsnummer

// 8 digits is tried before 6, so `19121212-1212` is read with its century, not as `191212` + `1212`.
// A single space is accepted as separator too: people type `811218 9876`, and date plus Luhn keep
// random hits rare.
const IDENTITY_CANDIDATE = new RegExp(
  String.raw`(?<!\p{N})(?<head>\d{8}|\d{6})(?<sep>${SPACE}?[-+]${SPACE}?|${SPACE})?(?<tail>\d{4})(?!\p{N})`,
  'gu',
);

function detectIdentityNumbers(text: string): PersonalDataFinding[] {
  return scanIdentityNumbers(text, 'valid');
}

function scanIdentityNumbers(text: string, want: 'valid' | 'suspected'): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  for (const m of text.matchAll(IDENTITY_CANDIDATE)) {
    const head = m.groups?.['head'] ?? '';
    const tail = m.groups?.['tail'] ?? '';
    const sep = m.groups?.['sep'] ?? '';
    const kind = identityKind(head);
    if (kind === undefined) continue;
    const checkDigitOk = luhnValid(head.slice(-6) + tail);
    if (want === 'valid' && !checkDigitOk) continue;
    if (want === 'suspected') {
      const canonicalForm = /[-+]/.test(sep) || head.length === 8;
      if (checkDigitOk || !canonicalForm) continue;
    }
    // Keep the birth date visible so the reporter can locate the value; the last four digits are
    // what makes it a person, so they never leave this function.
    findings.push({ kind, match: m[0], index: m.index, masked: maskFrom(m[0], head.length + sep.length) });
  }
  return findings;
}

/** Which identity number the date part denotes, or undefined when the date is impossible. */
function identityKind(head: string): 'personal-identity-number' | 'coordination-number' | undefined {
  let year: number;
  let fullYear: boolean;
  if (head.length === 8) {
    const century = head.slice(0, 2);
    // Only centuries of living people (and of 100+ year olds); rejects `2400...`-style serial numbers.
    if (century !== '18' && century !== '19' && century !== '20') return undefined;
    year = Number(head.slice(0, 4));
    fullYear = true;
  } else {
    year = Number(head.slice(0, 2));
    fullYear = false;
  }
  const month = Number(head.slice(-4, -2));
  const rawDay = Number(head.slice(-2));
  // Samordningsnummer add 60 to the day of birth.
  const coordination = rawDay > 60;
  const day = coordination ? rawDay - 60 : rawDay;
  if (!isValidDate(year, fullYear, month, day)) return undefined;
  return coordination ? 'coordination-number' : 'personal-identity-number';
}

function isValidDate(year: number, fullYear: boolean, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // With a two-digit year the century is unknown; `YY % 4 === 0` is a leap year in the 2000s, so
  // 29 February is possible for every such YY (including 00 = 2000).
  const leap = fullYear ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 : year % 4 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= daysInMonth;
}

/** Luhn (mod 10) over the 10-digit form YYMMDDNNNC, weights 2,1,2,1... from the left. */
export function luhnValid(tenDigits: string): boolean {
  if (!/^\d{10}$/.test(tenDigits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

// ---------------------------------------------------------------------------------------------------
// E-mail addresses

const EMAIL_CANDIDATE =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-][\p{L}\p{N}._%+-]*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}])/gu;

function detectEmailAddresses(text: string): PersonalDataFinding[] {
  return [...text.matchAll(EMAIL_CANDIDATE)].map((m) => {
    const tld = m[0].slice(m[0].lastIndexOf('.'));
    // The domain can be as personal as the local part (`anna@andersson.se`), so only the TLD stays.
    return { kind: 'email-address' as const, match: m[0], index: m.index, masked: `${m[0].slice(0, 1)}***@***${tld}` };
  });
}

// ---------------------------------------------------------------------------------------------------
// Vehicle registration numbers

// Swedish plates: three letters without I, Q, V (too like 1, O, U), then three digits or, since
// 2019, two digits and a letter that is also not O (too like 0). Å, Ä, Ö are never used.
const PLATE_CANDIDATE =
  /(?<![\p{L}\p{N}_])(?<letters>[A-HJ-PR-UW-Za-hj-pr-uw-z]{3})(?<sep>[ \u00a0-]?)(?<rest>\d{2}[\dA-HJ-NPR-UW-Za-hj-npr-uw-z])(?![\p{L}\p{N}_])/gu;

/**
 * Three-letter words and abbreviations that precede numbers in Swedish (and some English) report
 * text: "och 123", "tel 123 45", "SEK 500", "lgh 123", "kap 12a". A real plate spelling one of them
 * is missed; that is the price of not flagging ordinary sentences. Words containing I, Q, V, Å, Ä, Ö
 * (min, vid, tim, väg, för...) cannot match a plate anyway and are not listed.
 */
const PLATE_LIKE_WORDS = new Set([
  // Swedish function words and common short words
  'och',
  'att',
  'som',
  'den',
  'det',
  'dem',
  'med',
  'mot',
  'per',
  'ett',
  'har',
  'kan',
  'ska',
  'men',
  'man',
  'nya',
  'hus',
  'rum',
  'sal',
  'dag',
  'del',
  'typ',
  'ant',
  'tot',
  'tur',
  'lag',
  'kap',
  'art',
  'par',
  'ref',
  'bil',
  'app',
  'box',
  'cca',
  'obs',
  'tel',
  'tfn',
  'mob',
  'fax',
  'lgh',
  'kbm',
  // Currencies and amounts
  'sek',
  'eur',
  'usd',
  'nok',
  'dkk',
  'kkr',
  'tkr',
  'mkr',
  // Weekdays and months
  'ons',
  'tor',
  'fre',
  'jan',
  'feb',
  'mar',
  'apr',
  'maj',
  'jun',
  'jul',
  'aug',
  'sep',
  'okt',
  'dec',
  // Authorities, laws and technical abbreviations
  'sos',
  'sms',
  'gps',
  'msb',
  'skr',
  'scb',
  'pbl',
  'osl',
  'lss',
  'usb',
  'led',
  // English
  'the',
  'and',
  'for',
  'not',
  'are',
  'has',
  'had',
  'bus',
  'car',
  'top',
  'max',
  'nbr',
  'apt',
  'ext',
]);

function detectVehicleRegistrations(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  for (const m of text.matchAll(PLATE_CANDIDATE)) {
    const letters = m.groups?.['letters'] ?? '';
    // Title case (`Och 123`, `Box 123`) is a word at a sentence start or a name, not a plate.
    const oneCase = letters === letters.toUpperCase() || letters === letters.toLowerCase();
    if (!oneCase || PLATE_LIKE_WORDS.has(letters.toLowerCase())) continue;
    findings.push({ kind: 'vehicle-registration', match: m[0], index: m.index, masked: maskFrom(m[0], 1) });
  }
  return findings;
}

// Order is priority on overlap: an address containing digits stays one e-mail finding, and an
// identity number is never also reported as a phone number.
const DETECTORS: readonly Detector[] = [
  detectEmailAddresses,
  detectIdentityNumbers,
  detectPhoneNumbers,
  detectVehicleRegistrations,
];
