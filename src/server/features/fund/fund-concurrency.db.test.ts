import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/support/test-app.ts';
import { createOrganisation, createUser } from '../../../../test/support/factories.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { applicationBody, completeReview, uniqueCode } from './fund.fixtures.ts';

/**
 * Money never oversteps: 50 decisions race for a pot with room for exactly 10 grants. On
 * PostgreSQL they run truly concurrently through the pool (20 connections); on PGlite they
 * are serialised by the single connection. Either way exactly 10 may succeed.
 */
const GRANT_ORE = 1_000_000_07; // an odd amount, so any rounding would show
const ROOM = 10;
const RACERS = 50;

let ctx: TestContext;
let manager: Actor;

const actorOf = async (userId: string): Promise<Actor> => {
  const row = await ctx.database.db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.email', 'u.name', 'u.role', 'u.organisation_id', 'o.code', 'o.kind'])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    userId: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organisationId: row.organisation_id,
    organisationCode: row.code,
    organisationKind: row.kind,
  };
};

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.database.db;
  const [company, municipality] = await Promise.all([
    createOrganisation(db, 'housing'),
    createOrganisation(db, 'municipality'),
  ]);
  const [applicantUser, managerUser, reviewerUser] = await Promise.all([
    createUser(db, { role: 'samordnare', organisationId: company.id }),
    createUser(db, { role: 'samordnare', organisationId: municipality.id }),
    createUser(db, { role: 'rapportor', organisationId: municipality.id }),
  ]);
  manager = await actorOf(managerUser.id);
  const [applicant, reviewer] = await Promise.all([actorOf(applicantUser.id), actorOf(reviewerUser.id)]);
  const { applications, decisions, budget } = ctx.app.services.fund;
  await budget.setBudget(manager, 2026, { totalOre: GRANT_ORE * RACERS, source: 'test' });
  // Fifty reviewed applications, prepared one by one through the real services.
  for (let i = 0; i < RACERS; i += 1) {
    const body = applicationBody({ title: `Ansökan ${i}`, costItems: [{ label: 'Allt', amountOre: GRANT_ORE }] });
    const { id } = await applications.createDraft(applicant, body);
    await applications.submit(applicant, id);
    await decisions.assignReviewer(manager, id, reviewer.userId);
    await decisions.saveReview(reviewer, id, completeReview(GRANT_ORE));
  }
});
afterAll(() => ctx.close());

describe('concurrent grants against one pot', () => {
  it(`${RACERS} simultaneous grants against a pot with room for ${ROOM} grant exactly ${ROOM}`, async () => {
    const { budget, decisions } = ctx.app.services.fund;
    const pot = await budget.createPot(manager, {
      year: 2026,
      code: uniqueCode('race'),
      name: 'Kapplöpning',
      purpose: '',
      amountOre: GRANT_ORE * ROOM,
      source: '',
    });
    const ids = (
      await ctx.database.db.selectFrom('fund_applications').select('id').where('status', '=', 'reviewed').execute()
    ).map((r) => r.id);
    expect(ids).toHaveLength(RACERS);

    const results = await Promise.allSettled(
      ids.map((id) =>
        decisions.decide(manager, id, {
          outcome: 'granted',
          potId: pot.id,
          grantedOre: GRANT_ORE,
          decidedOn: '2026-11-18',
          decidingBody: 'KSAU',
          referenceNumber: `KS-2026/${id.slice(0, 6)}`,
          followUpDates: ['2027-06-30'],
        }),
      ),
    );
    const granted = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(granted).toHaveLength(ROOM);
    expect(refused).toHaveLength(RACERS - ROOM);
    for (const error of refused) expect(error instanceof AppError ? error.code : String(error)).toBe('POT_EXCEEDED');

    const [after] = (await budget.pots(manager, 2026)).filter((p) => p.id === pot.id);
    expect(after).toMatchObject({ amountOre: GRANT_ORE * ROOM, grantedOre: GRANT_ORE * ROOM, remainingOre: 0 });
    const db = ctx.database.db;
    const decided = await db
      .selectFrom('fund_decisions')
      .select(['granted_ore'])
      .where('pot_id', '=', pot.id)
      .execute();
    expect(decided.reduce((s, d) => s + d.granted_ore, 0)).toBe(GRANT_ORE * ROOM);
    const statuses = await db
      .selectFrom('fund_applications')
      .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .orderBy('status')
      .execute();
    expect(statuses.map((s) => [s.status, Number(s.n)])).toEqual([
      ['granted', ROOM],
      ['reviewed', RACERS - ROOM],
    ]);
    const followUps = await db
      .selectFrom('fund_follow_ups')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(followUps.n)).toBe(ROOM);
  });
});
