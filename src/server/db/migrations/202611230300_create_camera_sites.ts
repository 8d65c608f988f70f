import { sql, type Kysely } from 'kysely';

/**
 * Safety cameras (trygghetskameror): the register of sites, the legal basis of each (a legacy IMY
 * permit or the post-2025 self-assessment under kamerabevakningslagen 2018:1200), the inspection
 * and fault log, and the log of footage disclosures. `x`/`y` are SWEREF 99 TM metres like reports,
 * so radius queries need no PostGIS. Calendar dates (`date`) are Swedish local dates.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table camera_sites (
      id uuid primary key default gen_random_uuid(),
      seed_code text unique,
      name text not null,
      lat double precision not null,
      lon double precision not null,
      x double precision not null,
      y double precision not null,
      position_approximate boolean not null default false,
      field_of_view jsonb,
      area_id uuid not null references areas(id),
      place_id uuid references places(id),
      organisation_id uuid not null references organisations(id),
      camera_count integer not null default 1 check (camera_count >= 0),
      camera_type text not null default '',
      purpose text not null default '',
      focus_area_id uuid references focus_areas(id),
      motivation text not null default '',
      motivating_report_ids jsonb not null default '[]',
      status text not null default 'proposed' check (status in ('proposed','assessing','approved','installed','decommissioned')),
      operating_hours text not null default '',
      retention_days integer check (retention_days is null or retention_days >= 0),
      signage boolean not null default false,
      responsible_name text not null default '',
      responsible_user_id uuid references users(id),
      installed_on date,
      decommissioned_on date,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index camera_sites_organisation on camera_sites (organisation_id)`.execute(db);

  // One current legal basis per site; changes are kept in the audit log.
  await sql`
    create table camera_legal_bases (
      site_id uuid primary key references camera_sites(id),
      kind text not null check (kind in ('imy-permit','self-assessment')),
      decided_on date not null,
      review_on date,
      reference text not null default '',
      conditions text not null default '',
      balancing jsonb,
      dpia jsonb,
      recorded_by uuid not null references users(id),
      updated_at timestamptz not null default now(),
      check (review_on is null or review_on >= decided_on),
      check (kind <> 'self-assessment' or (balancing is not null and dpia is not null and review_on is not null))
    )`.execute(db);

  await sql`
    create table camera_inspections (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references camera_sites(id),
      kind text not null check (kind in ('inspection','fault')),
      occurred_on date not null,
      working boolean,
      masking_correct boolean,
      signs_present boolean,
      note text not null default '',
      resolved_on date,
      recorded_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      check (kind <> 'inspection' or (working is not null and masking_correct is not null and signs_present is not null))
    )`.execute(db);
  await sql`create index camera_inspections_site on camera_inspections (site_id, occurred_on)`.execute(db);

  await sql`
    create table camera_disclosures (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references camera_sites(id),
      recipient text not null,
      case_reference text not null,
      recording_from timestamptz not null,
      recording_to timestamptz not null,
      released_at timestamptz not null,
      released_by_name text not null,
      logged_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      check (recording_to > recording_from),
      check (released_at >= recording_to)
    )`.execute(db);
  await sql`create index camera_disclosures_site on camera_disclosures (site_id, released_at)`.execute(db);
}
