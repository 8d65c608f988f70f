import { sql, type Kysely } from 'kysely';

/** Platform tables: the municipality, partner organisations, users, sessions and the audit log. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table municipalities (
      id integer primary key default 1 check (id = 1),
      code text not null,
      name text not null,
      short_name text not null,
      seed_pack text not null,
      boundary jsonb not null,
      map_center_lat double precision not null,
      map_center_lon double precision not null,
      map_zoom integer not null,
      area_tolerance_metres integer not null,
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table organisations (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[a-z0-9][a-z0-9-]*$'),
      name text not null,
      short_name text not null,
      kind text not null check (kind in ('municipality','police','housing','property','fire-rescue','correctional','other')),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      name text not null,
      organisation_id uuid not null references organisations(id),
      role text not null check (role in ('admin','samordnare','rapportor','lasare')),
      password_hash text not null,
      active boolean not null default true,
      failed_login_count integer not null default 0,
      locked_until timestamptz,
      last_login_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index users_email_unique on users (lower(email))`.execute(db);
  await sql`create index users_organisation_id on users (organisation_id)`.execute(db);

  await sql`
    create table sessions (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index sessions_user_id on sessions (user_id)`.execute(db);
  await sql`create index sessions_expires_at on sessions (expires_at)`.execute(db);

  await sql`
    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor_user_id uuid references users(id),
      actor_organisation_id uuid references organisations(id),
      action text not null,
      entity_type text not null,
      entity_id text,
      summary jsonb not null default '{}'::jsonb
    )`.execute(db);
  await sql`create index audit_log_at on audit_log (at desc, id desc)`.execute(db);
  await sql`create index audit_log_entity on audit_log (entity_type, entity_id)`.execute(db);
}
