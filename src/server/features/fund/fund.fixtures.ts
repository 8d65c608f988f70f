import { randomBytes } from 'node:crypto';
import type { ApplicationDraft } from '../../../contracts/fund.ts';

/**
 * Test data for the fund's tests (database and browser): a complete application body and a
 * complete review. Kept beside the feature so the shared test factories stay untouched.
 */
export function applicationBody(overrides: Partial<ApplicationDraft> = {}): ApplicationDraft {
  return {
    year: 2026,
    title: 'Nattvandring i Flemingsberg',
    purpose: 'Vuxna på stan fredag och lördag kväll runt stationen och centrum.',
    preventionType: 'social',
    focusAreaCodes: ['trygghet-offentlig-miljo'],
    areaCodes: ['flemingsberg'],
    placeCodes: [],
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    costItems: [
      { label: 'Västar och ficklampor', amountOre: 1_250_050 },
      { label: 'Samordnare 10 %', amountOre: 4_000_000 },
    ],
    expectedEffect: 'Färre anmälda skadegörelser och ökad upplevd trygghet kvällstid.',
    indicators: ['Antal rapporter om skadegörelse vid stationen', 'Andel trygga i trygghetsmätningen'],
    links: [{ kind: 'picture-week', ref: '2026-W45' }],
    ...overrides,
  };
}

export const completeReview = (recommendedOre: number) => ({
  scores: { need: 4, effect: 4, cost: 3, collaboration: 5 },
  feasible: true,
  reason: null,
  recommendedOre,
  complete: true,
});

export const uniqueCode = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;
