import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData } from './detector.ts';
import { normaliseForDetection, toOriginal } from './normalise.ts';

describe('normaliseForDetection', () => {
  it.each<[string, string]>([
    ['０７０－１２３ ４５ ６７', '070-123 45 67'], // fullwidth digits, hyphen and ideographic space
    ['070\u200b123\u200c45\u200d67\ufeff', '070123' + '4567'], // zero-width space, joiners, BOM
    ['07\u00ad0', '070'], // soft hyphen
    ['070–123—45\u2212 67\u2011', '070-123-45- 67-'], // en dash, em dash, minus, non-breaking hyphen
    ['a\u00a0b\u2009c\u202fd', 'a b c d'], // non-breaking, thin and narrow spaces
    ['٠٧٠ ۱۲۳ ०४५ ৬৭', '070 123 045 67'], // Arabic-Indic, Persian, Devanagari, Bengali digits
    ['ＡＢＣ＠ｅｘ．ｓｅ', 'ABC@ex.se'],
    ['Va\u030arby', 'Vårby'], // a decomposed å composes
    ['Skogås C, kl 07:15', 'Skogås C, kl 07:15'], // already normal text is left as it is
    ['a\ud800b\udc00c\u0000', 'a\ud800b\udc00c\u0000'], // lone surrogates and NUL pass through
  ])('%j reads %j', (input, expected) => {
    expect(normaliseForDetection(input).text).toBe(expected);
  });

  it('maps every normalised span back to the original span it came from', () => {
    const original = 'Ring ０７０\u200b－１２３ ４５ ６７ nu';
    const normalised = normaliseForDetection(original);
    const start = normalised.text.indexOf('070');
    const span = toOriginal(normalised, start, start + '070-123 45 67'.length);
    expect(original.slice(span.start, span.end)).toBe('０７０\u200b－１２３ ４５ ６７');
  });

  it('keeps findings pointing into the original text whatever is inserted around and inside a value', () => {
    const invisible = fc.constantFrom('', '\u200b', '\u200d', '\ufeff', '\u2060', '\u00ad');
    const space = fc.constantFrom(' ', '\u00a0', '\u2009');
    fc.assert(
      fc.property(
        fc.array(invisible, { minLength: 13, maxLength: 13 }),
        space,
        fc.constantFrom('', 'Å', 'é ', '👍 ', 'Ｒ'),
        (inserts, sp, lead) => {
          const value = '070-123 45 67'
            .split('')
            .map((c, i) => (c === ' ' ? sp : c) + (inserts[i] ?? ''))
            .join('');
          const text = `${lead}Ring ${value} nu`;
          const findings = findPersonalData(text);
          expect(findings).toHaveLength(1);
          const [finding] = findings;
          expect(text.slice(finding!.index, finding!.index + finding!.match.length)).toBe(finding!.match);
          expect(normaliseForDetection(finding!.match).text).toBe('070-123 45 67');
          expect(normaliseForDetection(finding!.masked).text).toBe('070-*** ** **');
        },
      ),
      { numRuns: 300 },
    );
  });
});
