import { sql, type Kysely } from 'kysely';

/**
 * The weekly situational picture (veckolägesbild): the draft a coordinator edits during the
 * meeting (summary and per-area assessments), the frozen published versions, and the link from
 * published versions to the reports they counted (for reporter feedback).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table lagesbild_drafts (
      week text primary key check (week ~ '^[0-9]{4}-W[0-9]{2}$'),
      summary text not null default '',
      updated_by uuid references users(id),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table lagesbild_assessments (
      week text not null check (week ~ '^[0-9]{4}-W[0-9]{2}$'),
      area_id uuid not null references areas(id),
      level text not null check (level in ('green','yellow','red')),
      comment text not null default '',
      updated_by uuid references users(id),
      updated_at timestamptz not null default now(),
      primary key (week, area_id)
    )`.execute(db);

  // A published version is immutable: the snapshots hold every figure as shown, once for those
  // who see all reports and once for the partnership (restricted reports left out).
  await sql`
    create table lagesbild_versions (
      id uuid primary key default gen_random_uuid(),
      week text not null check (week ~ '^[0-9]{4}-W[0-9]{2}$'),
      version integer not null check (version >= 1),
      reason text,
      snapshot_full jsonb not null,
      snapshot_partnership jsonb not null,
      published_by uuid not null references users(id),
      published_at timestamptz not null,
      unique (week, version),
      check (version = 1 or reason is not null)
    )`.execute(db);
  await sql`create index lagesbild_versions_published_at on lagesbild_versions (published_at)`.execute(db);

  await sql`
    create table lagesbild_version_reports (
      version_id uuid not null references lagesbild_versions(id),
      report_id uuid not null references reports(id),
      primary key (version_id, report_id)
    )`.execute(db);
  await sql`create index lagesbild_version_reports_report on lagesbild_version_reports (report_id)`.execute(db);

  // The picture reads ten weeks of reports per request. A covering index lets both databases
  // answer from the index alone (after vacuum) instead of visiting every heap row.
  await sql`
    create index reports_lagesbild_cover on reports (occurred_at)
      include (area_id, category_id, visibility, status, author_id)`.execute(db);
  // "New since the last meeting" counts by filing time.
  await sql`create index reports_created_at on reports (created_at)`.execute(db);
}
