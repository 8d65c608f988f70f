import { sql, type Kysely } from 'kysely';

/**
 * Reports (inrapportering): person-free observations of places and situations.
 * `x`/`y` are SWEREF 99 TM metres, stored beside lat/lon so analysis never re-projects.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table reports (
      id uuid primary key default gen_random_uuid(),
      number bigint generated always as identity unique,
      category_id uuid not null references categories(id),
      organisation_id uuid not null references organisations(id),
      author_id uuid not null references users(id),
      occurred_at timestamptz not null,
      occurred_until timestamptz,
      lat double precision not null,
      lon double precision not null,
      x double precision not null,
      y double precision not null,
      area_id uuid not null references areas(id),
      place_id uuid references places(id),
      target text not null check (target in ('person','property','business','public-space')),
      description text not null,
      severity text not null check (severity in ('low','medium','high')),
      visibility text not null check (visibility in ('partnership','restricted')),
      status text not null default 'new' check (status in ('new','reviewed','closed','withdrawn')),
      review_note text,
      reviewed_at timestamptz,
      reviewed_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (occurred_until is null or occurred_until >= occurred_at)
    )`.execute(db);
  await sql`create index reports_occurred_at on reports (occurred_at)`.execute(db);
  await sql`create index reports_area_occurred on reports (area_id, occurred_at)`.execute(db);
  await sql`create index reports_category_occurred on reports (category_id, occurred_at)`.execute(db);
  await sql`create index reports_organisation on reports (organisation_id, occurred_at)`.execute(db);
  await sql`create index reports_author on reports (author_id, created_at)`.execute(db);
  await sql`create index reports_status on reports (status) where status = 'new'`.execute(db);
}
