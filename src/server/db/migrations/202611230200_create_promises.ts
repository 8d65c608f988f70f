import { sql, type Kysely } from 'kysely';

/**
 * Collaboration agreements, activity plans, commitments (plan activities and citizen promises,
 * medborgarlöften) with their logged activities, follow-ups and end-of-year assessments.
 * Progress is never stored on a commitment: it is computed from the activities. Follow-ups
 * store a frozen snapshot, because what was published must not change afterwards.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table agreements (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[a-z0-9][a-z0-9-]*$'),
      title text not null,
      period_start date not null,
      period_end date not null,
      signatories jsonb not null default '[]',
      documents jsonb not null default '[]',
      follow_up_dates jsonb not null default '["04-30","08-31","12-31"]',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (period_end >= period_start)
    )`.execute(db);

  await sql`
    create table agreement_parties (
      agreement_id uuid not null references agreements(id),
      organisation_id uuid not null references organisations(id),
      primary key (agreement_id, organisation_id)
    )`.execute(db);

  await sql`
    create table agreement_focus_areas (
      agreement_id uuid not null references agreements(id),
      focus_area_id uuid not null references focus_areas(id),
      primary key (agreement_id, focus_area_id)
    )`.execute(db);

  await sql`
    create table activity_plans (
      id uuid primary key default gen_random_uuid(),
      agreement_id uuid not null references agreements(id),
      focus_area_id uuid not null references focus_areas(id),
      title text not null,
      period_start date not null,
      period_end date not null,
      created_at timestamptz not null default now(),
      check (period_end >= period_start)
    )`.execute(db);

  await sql`
    create table commitments (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[a-z0-9][a-z0-9-]*$'),
      agreement_id uuid not null references agreements(id),
      plan_id uuid references activity_plans(id),
      focus_area_id uuid not null references focus_areas(id),
      is_promise boolean not null default false,
      title text not null,
      description text not null default '',
      activity_label text not null,
      target_kind text not null check (target_kind in ('count','recurring','per-term','deliverable')),
      target_count integer not null check (target_count between 1 and 10000),
      period_start date not null,
      period_end date not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (period_end >= period_start)
    )`.execute(db);
  await sql`create index commitments_agreement on commitments (agreement_id, period_start)`.execute(db);

  await sql`
    create table commitment_owners (
      commitment_id uuid not null references commitments(id),
      organisation_id uuid not null references organisations(id),
      primary key (commitment_id, organisation_id)
    )`.execute(db);
  await sql`create index commitment_owners_organisation on commitment_owners (organisation_id)`.execute(db);

  await sql`
    create table commitment_places (
      commitment_id uuid not null references commitments(id),
      place_id uuid not null references places(id),
      active_from date,
      active_to date,
      primary key (commitment_id, place_id),
      check (active_to is null or active_from is null or active_to >= active_from)
    )`.execute(db);

  await sql`
    create table commitment_activities (
      id uuid primary key default gen_random_uuid(),
      commitment_id uuid not null references commitments(id),
      organisation_id uuid not null references organisations(id),
      logged_by uuid not null references users(id),
      occurred_on date not null,
      place_id uuid references places(id),
      participants integer check (participants between 1 and 1000),
      duration_minutes integer check (duration_minutes between 1 and 1440),
      note text not null default '',
      evidence text,
      source text not null default 'form' check (source in ('form','import','demo')),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index commitment_activities_commitment on commitment_activities (commitment_id, occurred_on)`.execute(
    db,
  );

  await sql`
    create table follow_ups (
      id uuid primary key default gen_random_uuid(),
      agreement_id uuid not null references agreements(id),
      as_of date not null,
      title text not null,
      status text not null default 'draft' check (status in ('draft','published')),
      snapshot_at timestamptz not null,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      published_at timestamptz,
      unique (agreement_id, as_of)
    )`.execute(db);

  await sql`
    create table follow_up_items (
      follow_up_id uuid not null references follow_ups(id),
      commitment_id uuid not null references commitments(id),
      progress jsonb not null,
      comment text not null default '',
      primary key (follow_up_id, commitment_id)
    )`.execute(db);

  await sql`
    create table follow_up_approvals (
      follow_up_id uuid not null references follow_ups(id),
      organisation_id uuid not null references organisations(id),
      approved_by uuid not null references users(id),
      approved_at timestamptz not null,
      primary key (follow_up_id, organisation_id)
    )`.execute(db);

  await sql`
    create table commitment_assessments (
      commitment_id uuid not null references commitments(id),
      organisation_id uuid not null references organisations(id),
      assessment text not null,
      updated_by uuid not null references users(id),
      updated_at timestamptz not null,
      primary key (commitment_id, organisation_id)
    )`.execute(db);
}
