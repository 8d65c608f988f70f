import { sql, type Kysely } from 'kysely';

/**
 * Retention (gallring): legal holds that stop it per record, a log of every run, and a marker on
 * reports whose free text has been erased (the report stays, counted in the statistics).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table legal_holds (
      id uuid primary key default gen_random_uuid(),
      record_class text not null,
      record_id text not null,
      reason text not null,
      placed_by uuid not null references users(id),
      placed_at timestamptz not null,
      released_by uuid references users(id),
      released_at timestamptz
    )`.execute(db);
  await sql`create unique index legal_holds_active on legal_holds (record_class, record_id) where released_at is null`.execute(
    db,
  );
  await sql`
    create table retention_runs (
      id uuid primary key default gen_random_uuid(),
      started_at timestamptz not null,
      finished_at timestamptz not null,
      results jsonb not null
    )`.execute(db);
  await sql`create index retention_runs_started_at on retention_runs (started_at desc)`.execute(db);
  await sql`alter table reports add column text_erased_at timestamptz`.execute(db);
}
