import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../../db/seed/demo/seed-demo.ts';
import { openTestDatabase } from '../../../../../test/support/test-database.ts';
import { loadCommitments } from '../commitment-loader.ts';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const now = new Date('2025-02-01T12:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemoData(database.db, { now, weeks: 2 });
});
afterAll(() => database?.drop());

describe('demo activities', () => {
  it('logs realistic activities: most weeks patrolled, a few missed, some logged late', async () => {
    const [patrol] = await loadCommitments(database.db, { year: 2024, promisesOnly: true }, { asOf: now }).then((all) =>
      all.filter((c) => c.row.code === '2024-fotpatrull'),
    );
    expect(patrol!.progress.detail.kind).toBe('recurring');
    const share = patrol!.progress.done / patrol!.progress.target;
    expect(share).toBeGreaterThan(0.85);
    expect(share).toBeLessThan(1);
    const late = await database.db
      .selectFrom('commitment_activities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source', '=', 'demo')
      .where((eb) => eb(eb.fn('date', [eb.ref('created_at')]), '>', eb.ref('occurred_on')))
      .executeTakeFirstOrThrow();
    expect(Number(late.n)).toBeGreaterThan(0);
  });

  it('publishes the three 2024 follow-ups, approved by both parties', async () => {
    const followUps = await database.db.selectFrom('follow_ups').select(['as_of', 'status']).orderBy('as_of').execute();
    expect(followUps).toEqual([
      { as_of: '2024-04-30', status: 'published' },
      { as_of: '2024-08-31', status: 'published' },
      { as_of: '2024-12-31', status: 'published' },
    ]);
    const approvals = await database.db.selectFrom('follow_up_approvals').select('follow_up_id').execute();
    expect(approvals).toHaveLength(6);
  });
});
