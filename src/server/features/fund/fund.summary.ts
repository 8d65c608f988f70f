import type { GrantedRow } from '../../../contracts/fund.ts';
import { splitEvenly } from '../../../contracts/fund-money.ts';

export interface GrantForSummary {
  id: string;
  preventionType: 'social' | 'situational';
  grantedOre: number;
  focusAreas: { code: string; name: string }[];
  areas: { code: string; name: string }[];
}

export const WHOLE_MUNICIPALITY = { code: 'hela-kommunen', name: 'Hela kommunen' } as const;
const PREVENTION_NAMES = { social: 'Social prevention', situational: 'Situationell prevention' } as const;

function add(rows: Map<string, GrantedRow>, key: string, name: string, ore: number) {
  const row = rows.get(key) ?? { key, name, grantedOre: 0, count: 0 };
  row.grantedOre += ore;
  row.count += 1;
  rows.set(key, row);
}

/** A grant that names several focus areas or areas is split evenly between them, öre-exact, so each breakdown sums to the total granted. */
function spread(rows: Map<string, GrantedRow>, grant: GrantForSummary, targets: { code: string; name: string }[]) {
  const list = targets.length > 0 ? targets : [WHOLE_MUNICIPALITY];
  const parts = splitEvenly(grant.grantedOre, list.length);
  list.forEach((t, i) => add(rows, t.code, t.name, parts[i]!));
}

const sorted = (rows: Map<string, GrantedRow>) =>
  [...rows.values()].sort((a, b) => b.grantedOre - a.grantedOre || a.name.localeCompare(b.name, 'sv'));

/** Granted money per prevention type, focus area and area. Every breakdown sums to the same total. */
export function summariseGrants(grants: readonly GrantForSummary[]) {
  const byPreventionType = new Map<string, GrantedRow>();
  const byFocusArea = new Map<string, GrantedRow>();
  const byArea = new Map<string, GrantedRow>();
  for (const g of grants) {
    add(byPreventionType, g.preventionType, PREVENTION_NAMES[g.preventionType], g.grantedOre);
    spread(byFocusArea, g, g.focusAreas);
    spread(byArea, g, g.areas);
  }
  return { byPreventionType: sorted(byPreventionType), byFocusArea: sorted(byFocusArea), byArea: sorted(byArea) };
}
