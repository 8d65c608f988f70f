import { sql, type Kysely } from 'kysely';

/**
 * Failed logins for e-mail addresses that name no account. Accounts count their failures on
 * their own row (users.failed_login_count, locked_until); counting unknown addresses the same way
 * makes a lockout (423) answer alike whether the address exists or not, so it cannot be used to
 * find out which addresses have accounts. Keyed by the lower-cased address.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table login_failures (
      email_key text primary key,
      failed_count integer not null check (failed_count >= 0),
      locked_until timestamptz,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create index login_failures_updated_at on login_failures (updated_at)`.execute(db);
}
