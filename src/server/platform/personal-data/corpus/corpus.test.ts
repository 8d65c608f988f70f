import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../detector.ts';
import { huddingeGazetteer, ordinaryTexts, personalDataCases, scoreCorpus } from './corpus.ts';

/**
 * The aims of issue 11 on the committed corpora, so a regression fails the suite; `npm run bench
 * personal-data` prints the same figures with throughput.
 */
describe('personal-data corpora', () => {
  const score = scoreCorpus(findPersonalData, huddingeGazetteer());

  it('holds at least 150 cases of each kind of text, every value written in its text', () => {
    expect(personalDataCases.length).toBeGreaterThanOrEqual(150);
    expect(ordinaryTexts.length).toBeGreaterThanOrEqual(150);
    expect(new Set(ordinaryTexts).size).toBe(ordinaryTexts.length);
    for (const c of personalDataCases) expect(c.text, c.value).toContain(c.value);
    // Every kind is represented, names included.
    expect(new Set(personalDataCases.map((c) => c.kind)).size).toBe(6);
  });

  it('catches at least 95 % of the personal-data cases, with the right kind', () => {
    expect(
      score.recall,
      JSON.stringify(
        score.missed.map((c) => c.text),
        null,
        1,
      ),
    ).toBeGreaterThanOrEqual(0.95);
  });

  it('refuses fewer than 2 % of the ordinary report texts', () => {
    expect(score.falsePositiveRate, JSON.stringify(score.falsePositives, null, 1)).toBeLessThan(0.02);
  });

  it('finds every value where it is written, so a 422 can point the reporter to it', () => {
    for (const c of personalDataCases) {
      for (const f of findPersonalData(c.text, { gazetteer: huddingeGazetteer() })) {
        expect(c.text.slice(f.index, f.index + f.match.length)).toBe(f.match);
      }
    }
  });
});
