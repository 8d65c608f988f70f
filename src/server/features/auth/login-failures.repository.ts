import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Counters for unknown addresses are kept this long after their last failure. */
const FORGET_AFTER_MS = 24 * 3_600_000;

export function findUnknownAddressLock(db: Kysely<DB>, emailKey: string) {
  return db.selectFrom('login_failures').select(['locked_until']).where('email_key', '=', emailKey).executeTakeFirst();
}

/**
 * Counts a failed login for an address without an account, atomically (parallel guesses cannot
 * slip under the threshold), and locks it for `lockMs` at the threshold, as an account would be.
 * Old counters are forgotten on the way.
 */
export async function countUnknownAddressFailure(
  db: Kysely<DB>,
  emailKey: string,
  now: Date,
  threshold: number,
  lockMs: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('login_failures')
      .where('updated_at', '<', new Date(now.getTime() - FORGET_AFTER_MS))
      .execute();
    const counted = await trx
      .insertInto('login_failures')
      .values({ email_key: emailKey, failed_count: 1, locked_until: null, updated_at: now })
      .onConflict((oc) =>
        oc.column('email_key').doUpdateSet({ failed_count: sql`login_failures.failed_count + 1`, updated_at: now }),
      )
      .returning('failed_count')
      .executeTakeFirstOrThrow();
    if (counted.failed_count < threshold) return;
    await trx
      .updateTable('login_failures')
      .set({ failed_count: 0, locked_until: new Date(now.getTime() + lockMs) })
      .where('email_key', '=', emailKey)
      .execute();
  });
}
