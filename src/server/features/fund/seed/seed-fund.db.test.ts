import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../../test/support/test-app.ts';
import { loadFundPack, seedFund, seedFundPack } from './seed-fund.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('the Huddinge fund seed', () => {
  it('holds the figures of the brief, each labelled with its source', () => {
    const pack = loadFundPack('huddinge')!;
    expect(pack.budgets.map((b) => [b.year, b.totalOre])).toEqual([
      [2021, 1_000_000_000],
      [2022, 1_000_000_000],
      [2023, 4_800_000_000],
    ]);
    expect(pack.budgets[0]!.pots.map((p) => [p.name, p.amountOre])).toEqual([
      ['Trygghetskameror och trygghetsvärdar', 400_000_000],
      ['Barn och unga', 600_000_000],
    ]);
    expect(pack.budgets[2]!.pots.find((p) => p.code === '2023-trygghetspaket')!.amountOre).toBe(3_800_000_000);
    for (const b of pack.budgets) {
      expect(b.source).toMatch(/Huddinge kommun/);
      for (const p of b.pots) expect(p.source).toMatch(/as stated in the project brief/);
    }
  });

  it('is idempotent and leaves later changes alone', async () => {
    const db = ctx.database.db;
    // The test template is already seeded: seeding again adds nothing.
    expect(await seedFundPack(db, 'huddinge')).toBe(0);
    await db
      .updateTable('fund_pots')
      .set({ name: 'Omdöpt av fondansvarig' })
      .where('code', '=', '2022-trygghetssatsning')
      .execute();
    expect(await seedFundPack(db, 'huddinge')).toBe(0);
    const pot = await db
      .selectFrom('fund_pots')
      .select('name')
      .where('code', '=', '2022-trygghetssatsning')
      .executeTakeFirstOrThrow();
    expect(pot.name).toBe('Omdöpt av fondansvarig');
    const count = await db
      .selectFrom('fund_pots')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('code', 'like', '202_-%')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(5);
  });

  it('adds a new year from the pack without touching the others', async () => {
    const pack = {
      budgets: [
        {
          year: 2030,
          totalOre: 500,
          source: 'test',
          pots: [{ code: 'seed-test-2030', name: 'Ny', purpose: '', amountOre: 500, source: 'test' }],
        },
      ],
    };
    expect(await seedFund(ctx.database.db, pack)).toBe(2);
    expect(await seedFund(ctx.database.db, pack)).toBe(0);
    expect(await seedFund(ctx.database.db, null)).toBe(0);
  });
});
