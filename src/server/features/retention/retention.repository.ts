import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { RetentionResult } from '../../platform/retention/retention.tables.ts';

export async function listActiveHeldIds(db: Kysely<DB>, recordClass: string): Promise<string[]> {
  const rows = await db
    .selectFrom('legal_holds')
    .select('record_id')
    .where('record_class', '=', recordClass)
    .where('released_at', 'is', null)
    .execute();
  return rows.map((row) => row.record_id);
}

export function insertLegalHold(
  db: Kysely<DB>,
  hold: { recordClass: string; recordId: string; reason: string; placedBy: string; placedAt: Date },
) {
  return db
    .insertInto('legal_holds')
    .values({
      record_class: hold.recordClass,
      record_id: hold.recordId,
      reason: hold.reason,
      placed_by: hold.placedBy,
      placed_at: hold.placedAt,
    })
    .onConflict((oc) => oc.columns(['record_class', 'record_id']).where('released_at', 'is', null).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function releaseLegalHold(db: Kysely<DB>, id: string, releasedBy: string, releasedAt: Date) {
  return db
    .updateTable('legal_holds')
    .set({ released_by: releasedBy, released_at: releasedAt })
    .where('id', '=', id)
    .where('released_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export function listActiveHolds(db: Kysely<DB>) {
  return db
    .selectFrom('legal_holds')
    .selectAll()
    .where('released_at', 'is', null)
    .orderBy('placed_at', 'desc')
    .execute();
}

export async function insertRun(
  db: Kysely<DB>,
  run: { startedAt: Date; finishedAt: Date; results: RetentionResult[] },
) {
  return db
    .insertInto('retention_runs')
    .values({ started_at: run.startedAt, finished_at: run.finishedAt, results: JSON.stringify(run.results) })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export function listRuns(db: Kysely<DB>, limit: number) {
  return db.selectFrom('retention_runs').selectAll().orderBy('started_at', 'desc').limit(limit).execute();
}
