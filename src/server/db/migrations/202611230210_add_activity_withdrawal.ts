import { sql, type Kysely } from 'kysely';

/**
 * A wrongly logged activity (wrong place, wrong day) is withdrawn, never deleted: progress stops
 * counting it, while the row and its audit entries show what happened.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table commitment_activities add column withdrawn_at timestamptz`.execute(db);
  await sql`alter table commitment_activities add column withdrawn_by uuid references users(id)`.execute(db);
}
