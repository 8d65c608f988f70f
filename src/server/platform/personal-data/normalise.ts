/**
 * The detectors read a normalised copy of the text, so that the forms people type or paste all look
 * the same: NFKC folds fullwidth digits and letters (`０７０`, `ＡＢＣ`), the fullwidth `＠` and
 * ligatures into plain ones; format characters (zero-width space and joiners, soft hyphen, BOM) are
 * removed, so `070\u200b123` reads `070123`; every dash (en dash, non-breaking hyphen, minus) becomes
 * `-`, every space (non-breaking, thin, ideographic) a plain space, and every decimal digit of any
 * script (Arabic-Indic `٠٧٠`, Devanagari...) its ASCII digit, which NFKC alone leaves as it is.
 *
 * Findings must still point into the original text, so every unit of the normalised copy keeps
 * the original span it came from.
 */

export interface NormalisedText {
  text: string;
  /** Where the normalised text differs from the original, in order; empty when they are the same. */
  changes: readonly Change[];
}

/** Normalised `[from, to)` came from original `[originalFrom, originalTo)`. */
interface Change {
  from: number;
  to: number;
  originalFrom: number;
  originalTo: number;
}

// Plain ASCII and the Latin-1 letters (å, ä, ö, é, ü...) are already normal: the common case skips
// all the work and keeps offsets as they are.
const NEEDS_NORMALISING = /[^\t\n\r\x20-\x7e\u00c0-\u00ff]/;
const MARK = /^\p{M}$/u;

export function normaliseForDetection(original: string): NormalisedText {
  if (!NEEDS_NORMALISING.test(original)) return { text: original, changes: [] };
  let text = '';
  const changes: Change[] = [];
  let copiedUpTo = 0;
  for (let i = 0; i < original.length;) {
    const code = original.charCodeAt(i);
    const next = original.charCodeAt(i + 1);
    // A surrogate pair is one character; a lone surrogate (possible in hostile input) is its own.
    let end = i + (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1);
    // A base character with the combining marks that follow it is normalised as one unit, so a
    // decomposed `a` + ring composes to `å` as whole-string NFKC would.
    while (end < original.length && original.charCodeAt(end) >= 0x300 && MARK.test(original[end]!)) end++;
    if (end === i + 1 && isAlreadyNormal(code)) {
      i = end;
      continue;
    }
    let folded = '';
    for (const ch of original.slice(i, end).normalize('NFKC')) folded += foldCharacter(ch);
    if (folded !== original.slice(i, end)) {
      text += original.slice(copiedUpTo, i);
      changes.push({ from: text.length, to: text.length + folded.length, originalFrom: i, originalTo: end });
      text += folded;
      copiedUpTo = end;
    }
    i = end;
  }
  text += original.slice(copiedUpTo);
  return { text, changes };
}

/** The original span of normalised `[start, end)`. */
export function toOriginal(normalised: NormalisedText, start: number, end: number): { start: number; end: number } {
  return {
    start: originalOffset(normalised.changes, start, 'start'),
    end: originalOffset(normalised.changes, end, 'end'),
  };
}

/**
 * A normalised offset in the original. Inside a change, a start maps to the change's start and an
 * end to its end, so a span never cuts a character (or its zero-width neighbour) in half.
 */
function originalOffset(changes: readonly Change[], offset: number, side: 'start' | 'end'): number {
  let shift = 0;
  for (const change of changes) {
    if (offset < change.from || (side === 'end' && offset === change.from)) break;
    if (offset < change.to || (side === 'end' && offset === change.to)) {
      return side === 'start' ? change.originalFrom : change.originalTo;
    }
    shift = change.originalTo - change.to;
  }
  return offset + shift;
}

/** ASCII and the Latin-1 letters are their own NFKC form and need no folding. */
function isAlreadyNormal(code: number): boolean {
  return (
    (code >= 0x20 && code < 0x7f) || code === 0x0a || code === 0x0d || code === 0x09 || (code >= 0xc0 && code <= 0xff)
  );
}

const FORMAT = /^\p{Cf}$/u;
const DASH = /^[\p{Pd}\u2212]$/u;
const SPACE = /^\p{Zs}$/u;
const DIGIT = /^\p{Nd}$/u;

function foldCharacter(ch: string): string {
  if (ch.length === 1 && ch.charCodeAt(0) < 0x80) return ch;
  if (FORMAT.test(ch)) return '';
  if (DASH.test(ch)) return '-';
  if (SPACE.test(ch)) return ' ';
  if (DIGIT.test(ch)) return asciiDigit(ch);
  return ch;
}

const digitCache = new Map<string, string>();

/**
 * Unicode puts every script's decimal digits 0-9 in one ascending run of ten code points (some
 * runs back to back), so a digit's value is its distance from the start of its run, modulo ten.
 */
function asciiDigit(ch: string): string {
  const cached = digitCache.get(ch);
  if (cached !== undefined) return cached;
  const codePoint = ch.codePointAt(0) ?? 0;
  let first = codePoint;
  while (DIGIT.test(String.fromCodePoint(first - 1))) first--;
  const digit = String((codePoint - first) % 10);
  digitCache.set(ch, digit);
  return digit;
}
