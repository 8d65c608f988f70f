/**
 * Names of people in a normalised text (normalise.ts): a first name from the shipped list
 * (names/first-names.json, from SCB's name statistics) followed by a capitalised word
 * (`Anna Andersson`, `Karl-Erik Nilsson`, `Lars E. Johansson`, `Lisa von Essen`), or any capitalised
 * word followed by one of SCB's 100 most common surnames (`Ahmed Hassan`).
 *
 * What is not a person, and why (each pinned by a test and by the ordinary-text corpus):
 * - Places: the municipality's gazetteer (`Vårby gård`, area and place names, matched ignoring case),
 *   street names by their suffix (`Erik Dahlbergsgatan`), and names followed by a place noun
 *   (`Anna Lindhs park`, `Karl Johans skola`, `Per Albin Hanssons väg`, `Gustav Vasa kyrka`).
 * - Organisations: a name followed by an organisation word (`Max Burgers`, `Bella Pizzeria`).
 * - Names that are also ordinary words (`Per`, `Bo`, `Björn`, `Stig`, `Max`, `Saga`, `Klara`...; the
 *   list's `commonWords`) count only before a surname-shaped word (`Per Svensson`, `Bo Lindqvist`),
 *   so `Per Vecka`, `Bo Tryggt`, `Klara Sig Själv` pass; so does every name in a line written in
 *   title case (`Inbrott Hos Familjen`), and in capitals (`ANNA BERGMAN` is caught, `PER VECKA` not).
 * - A single first name (`Anna såg...`) is not reported: alone it rarely identifies anyone, and it
 *   would refuse ordinary sentences.
 * Known misses: first names outside the list before a surname outside SCB's top 100 (`Fatima
 * Yusuf`), and names typed all in lowercase.
 */
import type { DetectOptions, Detection, Gazetteer } from './finding.ts';
import { detection } from './finding.ts';
import firstNamesFile from './names/first-names.json' with { type: 'json' };
import surnamesFile from './names/surnames.json' with { type: 'json' };
import { normaliseForDetection } from './normalise.ts';

const FIRST_NAMES: ReadonlySet<string> = new Set([
  ...firstNamesFile.women,
  ...firstNamesFile.men,
  ...firstNamesFile.newborns,
  ...firstNamesFile.spellings,
]);
const COMMON_WORD_NAMES: ReadonlySet<string> = new Set(firstNamesFile.commonWords);
const SURNAMES: ReadonlySet<string> = new Set(surnamesFile.surnames.filter((s) => !surnamesFile.alsoWords.includes(s)));

// Swedish surnames are mostly compounds with these endings (-son, -ström, -berg, -qvist, -lund...).
const SURNAME_SHAPE =
  /\p{L}{2}(?:son|ström|berg|gren|qvist|kvist|lund|lind|dahl|holm|man|ander|ius|borg|stedt|feldt|blad|ell|éen|ér)$/u;

// A place noun after a name, or inside it, makes the whole a street or place (`Anna Lindhs park`).
const PLACE_NOUN =
  /^(?:väg|vägen|gata|gatan|gränd|gränden|stig|stigen|backe|backen|torg|torget|allé|allén|plan|plats|platsen|park|parken|gård|gården|skola|skolan|förskola|gymnasium|kyrka|kyrkan|kapell|bro|bron|hage|äng|kulle|kvarn|udde|strand|centrum|hus|huset|station|sjukhus|bibliotek|hall|hallen|sporthall|arena|kaj|hamn|brygga|minne|staty)$/iu;
// A capitalised word ending like a street name is a street (`Dahlbergsgatan`, `Hälsovägen`).
const STREET_SUFFIX =
  /(?:vägen|gatan|gränd|gränden|gången|stigen|backen|torget|allén|plan|platsen|parken|leden|slingan|bron|promenaden|skolan|kyrkan|hallen|huset|gården|centrum)$/iu;
const ORGANISATION_WORD =
  /^(?:ab|hb|kb|bostäder|fastigheter|fastighet|bygg|städ|måleri|åkeri|el|rör|vvs|service|security|burgers|konsult|transport|taxi|pizzeria|livs|kiosk|café|data|media|group|gruppen|förening|föreningen|stiftelse|stiftelsen|trafikskola|frisör|sport|restaurang|grill|bageri|handel|förvaltning|entreprenad|larm|bevakning)$/iu;
// Sentence-start function words: `Hos Karlsson` is not a first name before a surname.
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  'och att som den det de dem vid hos med till från enligt av på i om för efter innan mot under över utan när där här vi jag han hon men eller även samt sedan'.split(
    ' ',
  ),
);
const PARTICLES: ReadonlySet<string> = new Set([
  'von',
  'af',
  'van',
  'de',
  'der',
  'den',
  'da',
  'di',
  'du',
  'al',
  'el',
  'bin',
  'ibn',
  'la',
  'le',
]);

interface Word {
  text: string;
  start: number;
  end: number;
}

const TITLE = /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*$/u;
const isTitle = (w: string) => TITLE.test(w);
const isCaps = (w: string) => w.length >= 2 && w === w.toUpperCase() && w !== w.toLowerCase();
function startsUpper(w: string): boolean {
  const code = w.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  if (code >= 0xc0 && code <= 0xde) return code !== 0xd7;
  return w.charAt(0) !== w.charAt(0).toLowerCase();
}
const toTitle = (w: string) => w.replace(/\p{L}+/gu, (p) => p.charAt(0) + p.slice(1).toLowerCase());

function surnameShaped(word: string): boolean {
  return toTitle(word)
    .split('-')
    .some((part) => SURNAMES.has(part) || SURNAME_SHAPE.test(part));
}

/** `Anna`, `Karl-Erik`, `Per-Olof`; whether it is also a common word (then it needs a surname). */
function firstName(word: string): { commonWord: boolean } | undefined {
  if (FIRST_NAMES.has(word)) return { commonWord: COMMON_WORD_NAMES.has(word) };
  if (!word.includes('-')) return undefined;
  const parts = word.split('-');
  if (parts.length === 2 && parts.every((p) => FIRST_NAMES.has(p))) return { commonWord: false };
  const head = parts[0] ?? '';
  return FIRST_NAMES.has(head) ? { commonWord: COMMON_WORD_NAMES.has(head) } : undefined;
}

// Cheap pre-check: a name needs a capitalised word followed by another (maybe after a particle).
const MAY_HOLD_NAME = /\p{Lu}\S* (?:\p{Ll}+ )?\p{Lu}/u;

export function detectPersonNames(text: string, options: DetectOptions): Detection[] {
  if (options.allowNames || !MAY_HOLD_NAME.test(text)) return [];
  const words = tokenise(text);
  const findings: Detection[] = [];
  let places: { start: number; end: number }[] | undefined;
  for (let i = 0; i < words.length - 1; i++) {
    const word = words[i]!.text;
    // Cheap filter first: most words start lowercase or are neither a first name nor before a surname.
    if (!startsUpper(word)) continue;
    const caps = isCaps(word);
    const name = firstName(caps ? toTitle(word) : word);
    if (!name && !SURNAMES.has(words[i + 1]!.text)) continue;
    const run = nameRunAt(text, words, i, name, caps);
    if (!run) continue;
    const first = words[i]!;
    const last = words[run.lastIndex]!;
    if (!isPersonRun(text, words, i, run)) continue;
    places ??= gazetteerSpans(text, options.gazetteer);
    if (places.some((p) => p.start < last.end && first.start < p.end)) continue;
    const match = text.slice(first.start, last.end);
    findings.push(detection('person-name', match, first.start, 1));
    i = run.lastIndex;
  }
  return findings;
}

interface NameRun {
  /** Index of the last word of the run. */
  lastIndex: number;
  /** Index of the first capitalised word after the first name (the surname, usually). */
  nextIndex: number;
  needsSurname: boolean;
}

/** The capitalised words that follow a first name at `i` (or precede a listed surname). */
function nameRunAt(
  text: string,
  words: Word[],
  i: number,
  name: { commonWord: boolean } | undefined,
  caps: boolean,
): NameRun | undefined {
  const word = words[i]!.text;
  if (!caps && !isTitle(word)) return undefined;
  const capitalised = (w: string) => (caps ? isCaps(w) : isTitle(w));
  let nextIndex = -1;
  let lastIndex = i;
  for (let j = i + 1; j < words.length; j++) {
    const previous = words[j - 1]!;
    const gap = text.slice(previous.end, words[j]!.start);
    const afterInitial = previous.text.length === 1 && gap === '. ';
    if (gap !== ' ' && !afterInitial) break;
    const w = words[j]!.text;
    // `Lisa von Essen`, `Lars E. Johansson`: particles and initials belong to the name.
    if (nextIndex === -1 && PARTICLES.has(w)) continue;
    if (w.length === 1 && startsUpper(w) && text.startsWith('. ', words[j]!.end)) continue;
    // A capitalised function word (`Adam Och Eva`, a title) ends the name.
    if (!capitalised(w) || FUNCTION_WORDS.has(w.toLowerCase())) break;
    if (nextIndex === -1) nextIndex = j;
    lastIndex = j;
  }
  if (nextIndex === -1) return undefined;
  if (name) return { lastIndex, nextIndex, needsSurname: caps || name.commonWord };
  // Not a listed first name: only right before one of SCB's most common surnames.
  const next = words[nextIndex]!.text;
  if (caps || nextIndex !== i + 1 || FUNCTION_WORDS.has(word.toLowerCase()) || !SURNAMES.has(next)) return undefined;
  return { lastIndex, nextIndex, needsSurname: true };
}

function isPersonRun(text: string, words: Word[], i: number, run: NameRun): boolean {
  for (let j = i + 1; j <= run.lastIndex; j++) {
    const w = words[j]!.text;
    if (PLACE_NOUN.test(w) || STREET_SUFFIX.test(w) || ORGANISATION_WORD.test(w)) return false;
  }
  const after = words[run.lastIndex + 1];
  if (after && text.slice(words[run.lastIndex]!.end, after.start) === ' ') {
    if (PLACE_NOUN.test(after.text) || ORGANISATION_WORD.test(after.text)) return false;
  }
  const next = words[run.nextIndex]!.text;
  if (run.needsSurname || inTitleCaseLine(text, words, i, run.lastIndex)) return surnameShaped(next);
  return true;
}

/**
 * Most other words of the sentence capitalised (`Klotter På Busskuren Vid Skogås C`): then capitals
 * say nothing. The candidate's own words are not counted, or every short sentence with a name in it
 * would look like a title.
 */
function inTitleCaseLine(text: string, words: Word[], first: number, last: number): boolean {
  let capitalised = 0;
  let counted = 0;
  const boundary = /[.!?\n]/;
  for (let j = first - 1; j >= 0; j--) {
    if (boundary.test(text.slice(words[j]!.end, words[j + 1]!.start))) break;
    if (words[j]!.text.length > 1) {
      counted++;
      if (startsUpper(words[j]!.text)) capitalised++;
    }
  }
  for (let j = last + 1; j < words.length; j++) {
    if (boundary.test(text.slice(words[j - 1]!.end, words[j]!.start))) break;
    if (words[j]!.text.length > 1) {
      counted++;
      if (startsUpper(words[j]!.text)) capitalised++;
    }
  }
  return counted >= 3 && capitalised / counted >= 0.6;
}

const LETTER = /^\p{L}$/u;

/** A letter: ASCII and Latin-1/Latin Extended letters by code (fast), anything else by Unicode class. */
function isLetter(code: number, ch: string): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  if (code >= 0xc0 && code <= 0x24f) return code !== 0xd7 && code !== 0xf7;
  return LETTER.test(ch);
}

/**
 * Words (runs of letters, joined by `-` or an apostrophe) with their offsets. Hand-written: a
 * Unicode word regex over every text cost more than all the other detectors together.
 */
function tokenise(text: string): Word[] {
  const words: Word[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0;
    const letter = code !== 0 && isLetter(code, text.charAt(i));
    if (letter) {
      if (start === -1) start = i;
      continue;
    }
    if (start === -1) continue;
    const joiner = code === 0x2d || code === 0x27 || code === 0x2019;
    if (joiner && i + 1 < text.length && isLetter(text.charCodeAt(i + 1), text.charAt(i + 1))) continue;
    words.push({ text: text.slice(start, i), start, end: i });
    start = -1;
  }
  return words;
}

interface GazetteerIndex {
  pattern: RegExp | undefined;
}

// The gazetteer object lives as long as the reference cache; index it once per object.
const gazetteerIndexes = new WeakMap<readonly string[], GazetteerIndex>();

function gazetteerSpans(text: string, gazetteer: Gazetteer | undefined): { start: number; end: number }[] {
  if (!gazetteer || gazetteer.names.length === 0) return [];
  let index = gazetteerIndexes.get(gazetteer.names);
  if (!index) {
    index = { pattern: gazetteerPattern(gazetteer.names) };
    gazetteerIndexes.set(gazetteer.names, index);
  }
  if (!index.pattern) return [];
  return [...text.matchAll(index.pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** `Vårby C (Vårby gård)` -> `Vårby C`, `Vårby gård`; `Vårby/Masmo` -> both parts too. */
function gazetteerPattern(names: readonly string[]): RegExp | undefined {
  const phrases = new Set<string>();
  for (const name of names) {
    const normal = normaliseForDetection(name).text.trim();
    for (const phrase of [normal, ...normal.split(/[()/,;]/)]) {
      const trimmed = phrase.trim().replace(/\s+/g, ' ');
      if (trimmed.length >= 3) phrases.add(trimmed);
    }
  }
  if (phrases.size === 0) return undefined;
  const escaped = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, ' +'));
  return new RegExp(`(?<!\\p{L})(?:${escaped.join('|')})(?!\\p{L})`, 'giu');
}
