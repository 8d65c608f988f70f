/**
 * Swedish and international phone numbers in a normalised text (normalise.ts), without mistaking
 * dates, times, amounts or case numbers for them.
 *
 * `libphonenumber-js` was tried first (issue 11). Its `findPhoneNumbersInText(text, 'SE')` reads
 * `2026-11-23`, `ärende 2026-1234`, `mellan 2200-0600`, `0800-1600` and `08-11-2026` as valid Swedish
 * numbers (it accepts national numbers without the trunk 0 and knows nothing of how reports write
 * dates and times), and costs ~130 µs per text against a few µs here; intake runs this on every
 * report. Its validity check would not remove those false positives either (08 + 6-8 digits is a
 * valid Stockholm number), so the rules below stay hand-written and tested.
 *
 * Decisions: any `+` international number with 8-15 digits is flagged too, not only +46 (a Danish
 * number is as personal as a Swedish one). Switchboard and service numbers (`020-123 456`) are
 * flagged as well: a pattern cannot tell them from a person's number, and the reporter can name the
 * organisation instead.
 */
import { detection, type Detection } from './finding.ts';

// A separator between digit groups: a space, or `-` or `/` with optional spaces, or `.`.
const PHONE_SEP = String.raw`(?: ?[-/] ?| |\.)`;
const PHONE_BODY = String.raw`\d+(?:${PHONE_SEP}\d+)*`;

// Boundary: not inside a word or number, and not continuing a date, time, decimal or amount
// (`2026-01-23`, `22:05`, `18.0123`, `1 050 000`), where a `0`-leading group follows a digit.
const PHONE_CANDIDATE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_+]|\p{N} ?[-.\/:,]|\p{N} )` +
    String.raw`(?:(?<swe>\+46|0046)(?:${PHONE_SEP}?\(0\))?${PHONE_SEP}?(?<sweBody>${PHONE_BODY})` +
    String.raw`|(?<foreign>\+[1-9])(?<foreignBody>${PHONE_BODY})` +
    String.raw`|(?<paren>\(0\d{1,3}\))${PHONE_SEP}?(?<parenBody>${PHONE_BODY})` +
    String.raw`|(?<nationalBody>0\d*(?:${PHONE_SEP}\d+)*))`,
  'gu',
);

type PhoneForm = 'swedish-international' | 'foreign' | 'parenthesised' | 'national';

interface DigitGroup {
  digits: string;
  /** Offset of the group's end in the candidate body. */
  end: number;
  /** Separator that follows the group, without its spaces ('' for the last one, ' ' for a space). */
  after: string;
}

export function detectPhoneNumbers(text: string): Detection[] {
  // Every candidate starts `0` + digit, `+` + digit, or `(0`.
  if (!/(?:^|[^\d])0\d|\+\d|\(0/.test(text)) return [];
  const findings: Detection[] = [];
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    const g = m.groups ?? {};
    const [form, body, prefixDigits]: [PhoneForm, string, string] =
      g['sweBody'] !== undefined
        ? ['swedish-international', g['sweBody'], '']
        : g['foreignBody'] !== undefined
          ? ['foreign', g['foreignBody'], (g['foreign'] ?? '').slice(1)]
          : g['parenBody'] !== undefined
            ? ['parenthesised', g['parenBody'], (g['paren'] ?? '').replace(/\D/g, '')]
            : ['national', g['nationalBody'] ?? '', ''];
    const prefixLength = m[0].length - body.length;
    const groups = splitGroups(body);

    // The greedy candidate may swallow a following number (`070-123 45 67 2 st`); try the longest
    // run of groups that is a valid number, cutting only at a space (a sign means the token goes on).
    for (let k = groups.length; k >= 1; k--) {
      const kept = groups.slice(0, k);
      const last = kept[kept.length - 1];
      if (last === undefined) break;
      if (k < groups.length && last.after !== ' ') continue;
      if (!isPlausiblePhone(form, prefixDigits, kept)) continue;
      const match = m[0].slice(0, prefixLength + last.end);
      if (k === groups.length && continuesAsOtherToken(text, m.index + match.length)) break;
      const first = kept[0];
      // Show the area code (or country code plus two digits) so the reporter can find the number.
      const keep =
        form === 'parenthesised'
          ? prefixLength
          : prefixLength + (kept.length > 1 && first ? first.end : Math.min(form === 'national' ? 3 : 2, last.end));
      findings.push(detection('phone-number', match, m.index, keep));
      break;
    }
  }
  return findings;
}

function splitGroups(body: string): DigitGroup[] {
  const groups: DigitGroup[] = [];
  for (const part of body.matchAll(/(\d+)(\D*)/g)) {
    const digits = part[1] ?? '';
    const after = part[2] ?? '';
    groups.push({ digits, end: part.index + digits.length, after: after.trim() || (after ? ' ' : '') });
  }
  return groups;
}

/** `07:15`-, `2026-`-, `12.5`-like continuations and glued letters mean this is not a phone number. */
function continuesAsOtherToken(text: string, end: number): boolean {
  return /^(?:[\p{L}\p{N}_]|[-./:,]\p{N})/u.test(text.slice(end, end + 2));
}

/**
 * Separators as people write phone numbers: spaces and hyphens anywhere; `/` only after the area
 * code (`08/555 123 45`); dots either between every group (`070.123.45.67`) or only after the area
 * code. Mixed dots (`07.15-08.30`, `08.15–09.45`) and `hh.mm` after the area code are clock times.
 */
function separatorsLookLikePhone(groups: DigitGroup[]): boolean {
  const seps = groups.slice(0, -1).map((g) => g.after);
  if (seps.slice(1).includes('/')) return false;
  const dots = seps.filter((s) => s === '.').length;
  if (dots > 0 && dots !== seps.length && !(dots === 1 && seps[0] === '.')) return false;
  const [first, second] = groups;
  if (seps[0] === '.' && first && second && first.digits.length === 2 && second.digits.length === 2) {
    if (Number(first.digits) < 24 && Number(second.digits) < 60) return false;
  }
  return true;
}

/**
 * Swedish numbering: a national number is `0` + 7-10 digits; the area code (with its 0) is 2-4
 * digits, and the only 2-digit one is 08; subscriber numbers have at least 5 digits; mobile numbers
 * (07X) are always 10 digits. Users group digits freely, but groups of one digit do not occur in
 * practice and would make counts and lists of small numbers look like phone numbers.
 */
function isPlausiblePhone(form: PhoneForm, prefixDigits: string, groups: DigitGroup[]): boolean {
  const digits = groups.map((group) => group.digits);
  const first = digits[0];
  if (first === undefined || !separatorsLookLikePhone(groups)) return false;
  if (form === 'foreign') {
    const total = prefixDigits.length + digits.join('').length;
    return total >= 8 && total <= 15 && digits.slice(1).every((d) => d.length >= 2);
  }

  let area: string | undefined;
  let national: string;
  let subscriberGroups: string[];
  if (form === 'swedish-international') {
    // `+46 070 ...` (keeping the trunk 0) is a common mistake; read it as `+46 70 ...`.
    const nsn = digits.join('').replace(/^0/, '');
    national = '0' + nsn;
    area = digits.length > 1 ? '0' + first.replace(/^0/, '') : undefined;
    subscriberGroups = digits.slice(1);
  } else if (form === 'parenthesised') {
    area = prefixDigits;
    national = prefixDigits + digits.join('');
    subscriberGroups = digits;
  } else {
    national = digits.join('');
    area = digits.length > 1 ? first : undefined;
    subscriberGroups = digits.slice(1);
  }

  if (!national.startsWith('0') || national.startsWith('00')) return false;
  if (national.length < 8 || national.length > 11) return false;
  if (national.startsWith('07') && national.length !== 10) return false;
  if (area !== undefined) {
    if (area.length < 2 || area.length > 4) return false;
    if (area.length === 2 && area !== '08') return false;
    if (national.length - area.length < 5) return false;
  }
  if (subscriberGroups.some((d) => d.length < 2 || d.length > 8)) return false;
  // `08-11-2026` is a date written day-month-year, not a Stockholm number.
  if (form === 'national' && digits.length === 3 && digits.map((d) => d.length).join(',') === '2,2,4') return false;
  return true;
}
