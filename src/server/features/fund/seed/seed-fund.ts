import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { codeSchema } from '../../../../contracts/common.ts';
import type { DB } from '../../../db/schema.ts';
import { seedPacksDir } from '../../../db/seed/seed-pack.ts';
import { sumOre } from '../../../../contracts/fund-money.ts';

const ore = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const fundPackSchema = z.object({
  budgets: z.array(
    z.object({
      year: z.number().int().min(2000).max(2100),
      totalOre: ore,
      source: z.string().min(1),
      pots: z.array(
        z.object({
          code: codeSchema,
          name: z.string().min(1),
          purpose: z.string(),
          amountOre: ore,
          source: z.string().min(1),
        }),
      ),
    }),
  ),
});
export type FundPack = z.infer<typeof fundPackSchema>;

/** The pack's `fund.json`, validated; null when the pack has none. Pots may not add up to more than their year's budget. */
export function loadFundPack(packName: string): FundPack | null {
  const file = path.join(seedPacksDir, packName, 'fund.json');
  if (!existsSync(file)) return null;
  const pack = fundPackSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  for (const b of pack.budgets) {
    if (sumOre(b.pots.map((p) => p.amountOre)) > b.totalOre)
      throw new Error(`fund.json: the pots of ${b.year} exceed its budget`);
  }
  return pack;
}

/**
 * Seeds budgets and pots, idempotently: a year or pot that exists (by year, by code) is left
 * as it is, so a fund manager's later changes survive restarts. Returns how many rows it added.
 */
export async function seedFund(db: Kysely<DB>, pack: FundPack | null): Promise<number> {
  if (!pack) return 0;
  return db.transaction().execute(async (trx) => {
    let added = 0;
    for (const b of pack.budgets) {
      const inserted = await trx
        .insertInto('fund_budgets')
        .values({ year: b.year, total_ore: b.totalOre, source: b.source })
        .onConflict((oc) => oc.column('year').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) added += 1;
      const budget = await trx
        .selectFrom('fund_budgets')
        .select('id')
        .where('year', '=', b.year)
        .executeTakeFirstOrThrow();
      for (const p of b.pots) {
        const pot = await trx
          .insertInto('fund_pots')
          .values({
            budget_id: budget.id,
            code: p.code,
            name: p.name,
            purpose: p.purpose,
            amount_ore: p.amountOre,
            source: p.source,
          })
          .onConflict((oc) => oc.column('code').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (pot) added += 1;
      }
    }
    return added;
  });
}

/** Loads and seeds the named pack's fund budgets (one call for bootstrap and the test setup). */
export const seedFundPack = (db: Kysely<DB>, packName: string) => seedFund(db, loadFundPack(packName));
