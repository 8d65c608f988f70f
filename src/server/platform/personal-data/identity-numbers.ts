/**
 * Personnummer and samordningsnummer in a normalised text (normalise.ts: ASCII digits, `-` for
 * every dash, plain spaces).
 *
 * Decisions (each pinned by a test):
 * - The canonical written forms (`YYMMDD-NNNN`, `YYYYMMDD-NNNN`, `YYMMDD+NNNN`, with spaces around the
 *   sign allowed, and 12 digits with the century) are refused when the date is valid, even with a
 *   wrong check digit: a typo of a real number still identifies a person, and in these forms a
 *   date-shaped case or order number is rare. A 12-digit run starting `20` with a wrong check digit
 *   is the one exception when its last four digits read as a clock time (`202611232215` is a
 *   timestamp from a camera export far more often than a child's mistyped number).
 * - Other forms need the check digit too: a bare 10-digit number (`8112189876`), a space instead of
 *   the sign (`811218 9876`), grouped dates (`81 12 18-9876`, `1981.12.18-9876`) and `/` or `.`
 *   before the serial. Without Luhn a bare 10-digit number is just as often a phone, OCR or order
 *   number, so with a wrong check digit it is not an identity number (it may still be a phone number).
 * - Police diary numbers (`5000-K123456-26`) and municipal case references (`2026-1234`) never
 *   match: they have no six- or eight-digit date followed by four digits.
 *
 * The `personnummer` package validates a whole string (valid or not) and cannot say "valid date,
 * wrong check digit", which is what the canonical-form decision needs; the date and Luhn checks
 * here are a dozen lines, and the property test checks them against `personnummer` as an
 * independent reference.
 */
import { detection, type Detection } from './finding.ts';

// The date's parts share one separator (none, space, `-`, `.` or `/`). 8 digits are tried before 6,
// so `19121212-1212` is read with its century. Not inside a longer number or a date/time run.
const IDENTITY_CANDIDATE =
  /(?<!\d|\d[-./:,])(?<century>18|19|20)?(?<yy>\d\d)(?<ds>[-./ ]?)(?<mm>\d\d)\k<ds>(?<dd>\d\d)(?<sep> ?[-+] ?| |[./])?(?<tail>\d{4})(?![-./:,]?\d)/g;

/** Clock times `0000`-`2359`: a 12-digit `20...` run ending in one is probably a timestamp. */
const CLOCK_TIME = /^(?:[01]\d|2[0-3])[0-5]\d$/;

export function detectIdentityNumbers(text: string): Detection[] {
  if (!/\d{4}/.test(text)) return [];
  const findings: Detection[] = [];
  for (const m of text.matchAll(IDENTITY_CANDIDATE)) {
    const g = m.groups ?? {};
    const century = g['century'] ?? '';
    const dateSeparator = g['ds'] ?? '';
    const sep = g['sep'] ?? '';
    const tail = g['tail'] ?? '';
    const short = (g['yy'] ?? '') + (g['mm'] ?? '') + (g['dd'] ?? '');
    // A grouped date followed by four digits after a space (`2026-11-23 2215`) is a date and a time.
    if (dateSeparator !== '' && !/[-+]/.test(sep)) continue;
    const kind = identityKind(century, short);
    if (kind === undefined) continue;
    if (!luhnValid(short + tail) && !refusedDespiteCheckDigit(century, dateSeparator, sep, tail)) continue;
    // Keep the birth date visible so the reporter can find the value; the last four digits are what
    // makes it a person, so they never leave this function.
    findings.push(detection(kind, m[0], m.index, m[0].length - tail.length));
  }
  return findings;
}

function refusedDespiteCheckDigit(century: string, dateSeparator: string, sep: string, tail: string): boolean {
  if (dateSeparator !== '') return false;
  if (/^ ?[-+] ?$/.test(sep)) return true;
  return sep === '' && century !== '' && !(century === '20' && CLOCK_TIME.test(tail));
}

/** Which identity number the date part denotes, or undefined when the date is impossible. */
function identityKind(century: string, short: string): 'personal-identity-number' | 'coordination-number' | undefined {
  const yy = Number(short.slice(0, 2));
  const month = Number(short.slice(2, 4));
  const rawDay = Number(short.slice(4, 6));
  // Samordningsnummer add 60 to the day of birth.
  const coordination = rawDay > 60;
  const day = coordination ? rawDay - 60 : rawDay;
  if (!isValidDate(century === '' ? undefined : Number(century) * 100 + yy, yy, month, day)) return undefined;
  return coordination ? 'coordination-number' : 'personal-identity-number';
}

function isValidDate(fullYear: number | undefined, yy: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // With a two-digit year the century is unknown; `YY % 4 === 0` is a leap year in the 2000s, so
  // 29 February is possible for every such YY (including 00 = 2000).
  const leap =
    fullYear === undefined ? yy % 4 === 0 : (fullYear % 4 === 0 && fullYear % 100 !== 0) || fullYear % 400 === 0;
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
