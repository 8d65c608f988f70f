import { sql, type Kysely } from 'kysely';

/**
 * The safety budget and the safety fund (trygghetsfond). Money is integer öre in bigint
 * columns. The pot's `granted_ore`/`paid_ore` are running totals kept in step with the
 * decisions and payments inside the same transaction; the check constraints are the last
 * line of defence against over-granting (the service refuses before the database has to).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table fund_budgets (
      id uuid primary key default gen_random_uuid(),
      year integer not null unique check (year between 2000 and 2100),
      total_ore bigint not null check (total_ore >= 0),
      source text not null default '',
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table fund_pots (
      id uuid primary key default gen_random_uuid(),
      budget_id uuid not null references fund_budgets(id),
      code text not null unique check (code ~ '^[a-z0-9][a-z0-9-]*$'),
      name text not null,
      purpose text not null default '',
      amount_ore bigint not null check (amount_ore >= 0),
      granted_ore bigint not null default 0 check (granted_ore >= 0),
      paid_ore bigint not null default 0 check (paid_ore >= 0),
      source text not null default '',
      created_at timestamptz not null default now(),
      check (granted_ore <= amount_ore),
      check (paid_ore <= granted_ore)
    )`.execute(db);
  await sql`create index fund_pots_budget on fund_pots (budget_id)`.execute(db);

  await sql`
    create table fund_applications (
      id uuid primary key default gen_random_uuid(),
      number bigint generated always as identity unique,
      organisation_id uuid not null references organisations(id),
      created_by uuid not null references users(id),
      year integer not null,
      title text not null,
      purpose text not null default '',
      prevention_type text not null check (prevention_type in ('social','situational')),
      period_start date,
      period_end date,
      requested_ore bigint not null default 0 check (requested_ore >= 0),
      cost_items jsonb not null default '[]',
      expected_effect text not null default '',
      indicators jsonb not null default '[]',
      links jsonb not null default '[]',
      status text not null default 'draft'
        check (status in ('draft','submitted','in-review','reviewed','granted','rejected')),
      paid_ore bigint not null default 0 check (paid_ore >= 0),
      submitted_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (period_end is null or period_start is null or period_end >= period_start)
    )`.execute(db);
  await sql`create index fund_applications_org on fund_applications (organisation_id, created_at)`.execute(db);
  await sql`create index fund_applications_year on fund_applications (year, status)`.execute(db);

  await sql`
    create table fund_application_focus_areas (
      application_id uuid not null references fund_applications(id) on delete cascade,
      focus_area_id uuid not null references focus_areas(id),
      primary key (application_id, focus_area_id)
    )`.execute(db);
  await sql`
    create table fund_application_areas (
      application_id uuid not null references fund_applications(id) on delete cascade,
      area_id uuid not null references areas(id),
      primary key (application_id, area_id)
    )`.execute(db);
  await sql`
    create table fund_application_places (
      application_id uuid not null references fund_applications(id) on delete cascade,
      place_id uuid not null references places(id),
      primary key (application_id, place_id)
    )`.execute(db);

  await sql`
    create table fund_reviews (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references fund_applications(id),
      reviewer_id uuid not null references users(id),
      assigned_by uuid not null references users(id),
      assigned_at timestamptz not null default now(),
      scores jsonb not null default '{}',
      feasible boolean,
      reason text,
      recommended_ore bigint check (recommended_ore >= 0),
      completed_at timestamptz,
      unique (application_id, reviewer_id),
      check (completed_at is null or feasible is not null),
      check (feasible is distinct from false or coalesce(length(reason), 0) > 0)
    )`.execute(db);
  await sql`create index fund_reviews_reviewer on fund_reviews (reviewer_id)`.execute(db);

  await sql`
    create table fund_decisions (
      application_id uuid primary key references fund_applications(id),
      outcome text not null check (outcome in ('granted','rejected')),
      pot_id uuid references fund_pots(id),
      granted_ore bigint not null default 0 check (granted_ore >= 0),
      decided_on date not null,
      deciding_body text not null,
      reference_number text not null,
      reason text,
      decided_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      check (outcome = 'rejected' or (pot_id is not null and granted_ore > 0)),
      check (outcome = 'granted' or (granted_ore = 0 and coalesce(length(reason), 0) > 0))
    )`.execute(db);
  await sql`create index fund_decisions_pot on fund_decisions (pot_id)`.execute(db);

  await sql`
    create table fund_follow_ups (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references fund_applications(id),
      due_on date not null,
      spent_ore bigint check (spent_ore >= 0),
      indicator_results jsonb not null default '[]',
      comment text not null default '',
      reported_at timestamptz,
      reported_by uuid references users(id),
      unique (application_id, due_on)
    )`.execute(db);

  await sql`
    create table fund_payments (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references fund_applications(id),
      amount_ore bigint not null check (amount_ore > 0),
      paid_on date not null,
      recorded_by uuid not null references users(id),
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table fund_notifications (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      application_id uuid not null references fund_applications(id),
      kind text not null,
      message text not null,
      created_at timestamptz not null default now(),
      read_at timestamptz
    )`.execute(db);
  await sql`create index fund_notifications_org on fund_notifications (organisation_id, created_at)`.execute(db);
}
