import { sql, type Kysely } from 'kysely';

/**
 * A follow-up item keeps the commitment's title and whether it was a citizen promise as they read
 * when the snapshot was taken. Commitments can now be edited (title, promise or not), and a
 * published follow-up, its social-media text and its Atom entry must not change afterwards.
 * Existing items take the commitment's current values, which are the values they were taken with:
 * until now nothing could edit a commitment.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table follow_up_items add column title text`.execute(db);
  await sql`alter table follow_up_items add column is_promise boolean`.execute(db);
  await sql`update follow_up_items set title = c.title, is_promise = c.is_promise from commitments c where c.id = follow_up_items.commitment_id`.execute(
    db,
  );
  await sql`alter table follow_up_items alter column title set not null`.execute(db);
  await sql`alter table follow_up_items alter column is_promise set not null`.execute(db);
}
