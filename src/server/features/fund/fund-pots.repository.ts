import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { BudgetView, PotView } from '../../../contracts/fund.ts';

function potQuery(db: Kysely<DB>) {
  return db
    .selectFrom('fund_pots as p')
    .innerJoin('fund_budgets as b', 'b.id', 'p.budget_id')
    .select([
      'p.id',
      'b.year',
      'p.code',
      'p.name',
      'p.purpose',
      'p.source',
      'p.amount_ore',
      'p.granted_ore',
      'p.paid_ore',
    ]);
}
type PotRow = Awaited<ReturnType<ReturnType<typeof potQuery>['executeTakeFirstOrThrow']>>;

export function toPotView(row: PotRow): PotView {
  return {
    id: row.id,
    year: row.year,
    code: row.code,
    name: row.name,
    purpose: row.purpose,
    source: row.source,
    amountOre: row.amount_ore,
    grantedOre: row.granted_ore,
    paidOre: row.paid_ore,
    remainingOre: row.amount_ore - row.granted_ore,
  };
}

export function listPotsByYear(db: Kysely<DB>, year: number) {
  return potQuery(db).where('b.year', '=', year).orderBy('p.created_at').orderBy('p.code').execute();
}

export function findPotById(db: Kysely<DB>, id: string) {
  return potQuery(db).where('p.id', '=', id).executeTakeFirst();
}

export function findBudgetByYear(db: Kysely<DB>, year: number) {
  return db.selectFrom('fund_budgets').selectAll().where('year', '=', year).executeTakeFirst();
}

export function listBudgets(db: Kysely<DB>) {
  return db.selectFrom('fund_budgets').selectAll().orderBy('year', 'desc').execute();
}

export async function budgetView(
  db: Kysely<DB>,
  budget: { year: number; total_ore: number; source: string },
): Promise<BudgetView> {
  const pots = (await listPotsByYear(db, budget.year)).map(toPotView);
  const sum = (f: (p: PotView) => number) => pots.reduce((acc, p) => acc + f(p), 0);
  return {
    year: budget.year,
    totalOre: budget.total_ore,
    allocatedOre: sum((p) => p.amountOre),
    grantedOre: sum((p) => p.grantedOre),
    paidOre: sum((p) => p.paidOre),
    source: budget.source,
    pots,
  };
}

/** The year's budget row, locked until the transaction ends, so two allocations cannot both fit in the same room. */
export function lockBudget(trx: Kysely<DB>, year: number) {
  return trx.selectFrom('fund_budgets').selectAll().where('year', '=', year).forUpdate().executeTakeFirst();
}

/** Creates or updates the year's budget total; returns the row. */
export function upsertBudget(trx: Kysely<DB>, values: { year: number; total_ore: number; source: string }) {
  return trx
    .insertInto('fund_budgets')
    .values(values)
    .onConflict((oc) => oc.column('year').doUpdateSet({ total_ore: values.total_ore, source: values.source }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function allocatedOre(trx: Kysely<DB>, budgetId: string): Promise<number> {
  const row = await trx
    .selectFrom('fund_pots')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_ore'), eb.lit(0)).as('n'))
    .where('budget_id', '=', budgetId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertPot(
  trx: Kysely<DB>,
  values: { budget_id: string; code: string; name: string; purpose: string; amount_ore: number; source: string },
): Promise<string> {
  const row = await trx.insertInto('fund_pots').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Takes `ore` from the pot's remaining room in one statement, or takes nothing. Concurrent
 * grants queue on the pot's row lock; PostgreSQL re-checks the condition against the row as
 * the previous grant left it, so the sum of grants can never pass the pot's amount.
 * Returns the pot's new granted total, or undefined when the room was too small.
 */
export async function takeFromPot(trx: Kysely<DB>, potId: string, ore: number): Promise<number | undefined> {
  const row = await trx
    .updateTable('fund_pots')
    .set((eb) => ({ granted_ore: eb('granted_ore', '+', ore) }))
    .where('id', '=', potId)
    .where((eb) => eb(eb('amount_ore', '-', eb.ref('granted_ore')), '>=', ore))
    .returning('granted_ore')
    .executeTakeFirst();
  return row?.granted_ore;
}

/** Adds a payment to the pot's paid total; the constraint paid <= granted guards the pot. */
export async function addPaidToPot(trx: Kysely<DB>, potId: string, ore: number): Promise<void> {
  await trx
    .updateTable('fund_pots')
    .set((eb) => ({ paid_ore: eb('paid_ore', '+', ore) }))
    .where('id', '=', potId)
    .execute();
}

export async function potCodeTaken(trx: Kysely<DB>, code: string): Promise<boolean> {
  const row = await trx.selectFrom('fund_pots').select('id').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}
