import { describe, expect, it } from 'vitest';
import { summariseGrants } from './fund.summary.ts';

const gang = { code: 'gangkriminalitet', name: 'Gängkriminalitet' };
const miljo = { code: 'trygghet-offentlig-miljo', name: 'Trygghet i offentlig miljö' };
const flemingsberg = { code: 'flemingsberg', name: 'Flemingsberg' };
const skogas = { code: 'skogas', name: 'Skogås' };

describe('yearly summary of grants', () => {
  it('breaks the total down three ways, each summing exactly', () => {
    const summary = summariseGrants([
      {
        id: 'a',
        preventionType: 'social',
        grantedOre: 100_001,
        focusAreas: [gang, miljo],
        areas: [flemingsberg, skogas],
      },
      { id: 'b', preventionType: 'situational', grantedOre: 50_000, focusAreas: [miljo], areas: [] },
      { id: 'c', preventionType: 'social', grantedOre: 7, focusAreas: [gang], areas: [skogas] },
    ]);
    expect(summary.byPreventionType).toEqual([
      { key: 'social', name: 'Social prevention', grantedOre: 100_008, count: 2 },
      { key: 'situational', name: 'Situationell prevention', grantedOre: 50_000, count: 1 },
    ]);
    expect(summary.byFocusArea).toEqual([
      { key: 'trygghet-offentlig-miljo', name: 'Trygghet i offentlig miljö', grantedOre: 100_000, count: 2 },
      { key: 'gangkriminalitet', name: 'Gängkriminalitet', grantedOre: 50_008, count: 2 },
    ]);
    expect(summary.byArea).toEqual(
      [
        { key: 'flemingsberg', name: 'Flemingsberg', grantedOre: 50_001, count: 1 },
        { key: 'hela-kommunen', name: 'Hela kommunen', grantedOre: 50_000, count: 1 },
        { key: 'skogas', name: 'Skogås', grantedOre: 50_007, count: 2 },
      ].sort((a, b) => b.grantedOre - a.grantedOre),
    );
    for (const rows of [summary.byPreventionType, summary.byFocusArea, summary.byArea]) {
      expect(rows.reduce((s, r) => s + r.grantedOre, 0)).toBe(150_008);
    }
  });

  it('is empty without grants', () => {
    expect(summariseGrants([])).toEqual({ byPreventionType: [], byFocusArea: [], byArea: [] });
  });
});
