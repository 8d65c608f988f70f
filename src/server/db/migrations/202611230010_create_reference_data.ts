import { sql, type Kysely } from 'kysely';

/** Reference data from the seed pack: focus areas, the report taxonomy, areas and named places. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table focus_areas (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[a-z0-9][a-z0-9-]*$'),
      name text not null,
      name_en text not null,
      color text not null check (color ~ '^#[0-9a-fA-F]{6}$'),
      sort_order integer not null default 0,
      active boolean not null default true,
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table categories (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[a-z0-9][a-z0-9-]*$'),
      name text not null,
      name_en text not null,
      description text not null default '',
      focus_area_id uuid not null references focus_areas(id),
      sort_order integer not null default 0,
      active boolean not null default true,
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table areas (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[a-z0-9][a-z0-9-]*$'),
      name text not null,
      geometry jsonb not null,
      approximate boolean not null default true,
      source text not null default '',
      active boolean not null default true,
      sort_order integer not null default 0,
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table places (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[a-z0-9][a-z0-9-]*$'),
      name text not null,
      kind text not null,
      lat double precision not null,
      lon double precision not null,
      area_id uuid references areas(id),
      approximate boolean not null default false,
      source text not null default '',
      active boolean not null default true,
      updated_at timestamptz not null default now()
    )`.execute(db);
}
