import { sql, type Kysely } from 'kysely';

/** Actions (åtgärder) decided at the weekly meeting, and the reports that motivated them. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table actions (
      id uuid primary key default gen_random_uuid(),
      number bigint generated always as identity unique,
      title text not null check (length(title) between 1 and 200),
      description text not null default '',
      decided_week text not null check (decided_week ~ '^[0-9]{4}-W[0-9]{2}$'),
      area_id uuid references areas(id),
      place_id uuid references places(id),
      organisation_id uuid not null references organisations(id),
      responsible_person text not null default '',
      due_on date not null,
      status text not null default 'planned' check (status in ('planned','in-progress','done','cancelled')),
      outcome_note text not null default '',
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index actions_decided_week on actions (decided_week)`.execute(db);
  await sql`create index actions_open on actions (area_id) where status in ('planned','in-progress')`.execute(db);

  await sql`
    create table action_reports (
      action_id uuid not null references actions(id),
      report_id uuid not null references reports(id),
      primary key (action_id, report_id)
    )`.execute(db);
  await sql`create index action_reports_report on action_reports (report_id)`.execute(db);
}
