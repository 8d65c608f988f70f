/**
 * E-mail addresses in a normalised text (normalise.ts; a fullwidth `＠` is already `@`), also as
 * people write them to dodge spam harvesters: `anna(at)example.se`, `anna [at] example.se`,
 * `anna snabel-a example.se`, `anna @ example.se`, `anna(punkt)svensson`, `anna at example dot se`.
 *
 * A written-out form needs a known top-level domain (`se`, `com`...), so ordinary sentences with
 * "at" or a loose `@` ("vi ses @ Skogås C") stay ordinary; a plain `name@domain.tld` needs none.
 */
import type { Detection } from './finding.ts';

const LOCAL = String.raw`[\p{L}\p{N}_%+-](?:[\p{L}\p{N}._%+-]*[\p{L}\p{N}_%+-])?`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?`;
const OPEN = String.raw`[(\[{]`;
const CLOSE = String.raw`[)\]}]`;
// Plain `@` (optionally with spaces), or a written-out one.
const AT = String.raw`(?<plainAt>@)|(?<spacedAt> @ ?|@ )|(?<writtenAt> ?${OPEN} ?(?:at|snabel-?a|@) ?${CLOSE} ?| (?:snabel-?a|snabel a|at) )`;
const DOT = String.raw`(?:\.| ?${OPEN} ?(?:dot|punkt) ?${CLOSE} ?| (?:dot|punkt) )`;
const WRITTEN_DOT = /[\s([{](?:dot|punkt)[\s)\]}]/i;

const EMAIL_CANDIDATE = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])(?<local>${LOCAL})(?:${AT})(?<domain>${LABEL}(?:${DOT}${LABEL})*)${DOT}(?<tld>\p{L}{2,})(?![\p{L}\p{N}])`,
  'giu',
);

/** Top-level domains that make a written-out address believable; plain addresses accept any. */
const KNOWN_TLDS = new Set(
  'se nu com net org eu info io biz me dk no fi is de uk nl fr es it pl ee lt lv at ch be us ca co app email online'.split(
    ' ',
  ),
);

/** Cheap pre-check: no `@`, no bracketed or spelled-out "at" (but "att" is no "at"), no e-mail. */
const MAY_HOLD_EMAIL = /@|snabel|[([{] ?at ?[)\]}]|(?:^|\s)at\s/i;

export function detectEmailAddresses(text: string): Detection[] {
  if (!MAY_HOLD_EMAIL.test(text)) return [];
  const findings: Detection[] = [];
  for (const m of text.matchAll(EMAIL_CANDIDATE)) {
    const g = m.groups ?? {};
    const tld = g['tld'] ?? '';
    const writtenOut = g['plainAt'] === undefined || WRITTEN_DOT.test(m[0]);
    if (writtenOut && !KNOWN_TLDS.has(tld.toLowerCase())) continue;
    // The domain can be as personal as the local part (`anna@andersson.se`), so only the TLD stays.
    findings.push({ kind: 'email-address', match: m[0], index: m.index, masked: `${m[0].slice(0, 1)}***@***.${tld}` });
  }
  return findings;
}
