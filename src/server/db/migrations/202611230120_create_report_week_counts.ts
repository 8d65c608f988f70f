import { sql, type Kysely } from 'kysely';

/**
 * Counted reports per ISO week (Swedish local time), area, category and visibility, kept exact by
 * statement-level triggers on `reports`. The weekly picture reads ten weeks of figures from a few
 * thousand rows here instead of counting tens of thousands of reports per request.
 *
 * "Counted" is the picture's rule: every report that is not withdrawn. Visibility stays a key so
 * the partnership audience (restricted reports left out) reads the same table.
 *
 * Statement-level triggers with transition tables: one upsert per statement whatever its row
 * count, so a bulk re-location of reports after an area upload costs one grouped statement, and
 * intake (one row per statement) one small upsert.
 */
/**
 * The zone weeks are counted in, written out: a migration is history and must not change when
 * live code does. It is the zone `contracts/iso-week.ts` computes weeks in (a test checks both agree).
 */
const ZONE = 'Europe/Stockholm';

export async function up(db: Kysely<any>): Promise<void> {
  // The week key of an instant.
  await sql
    .raw(
      `
    create function report_week(at timestamptz) returns text language sql stable parallel safe
      as $$ select to_char(at at time zone '${ZONE}', 'IYYY-"W"IW') $$`,
    )
    .execute(db);

  await sql`
    create table report_week_counts (
      week text not null,
      area_id uuid not null references areas(id),
      category_id uuid not null references categories(id),
      visibility text not null,
      n integer not null check (n >= 0),
      primary key (week, area_id, category_id, visibility)
    )`.execute(db);

  // Deltas of one statement: +1 per counted new row, -1 per counted old row, grouped per key;
  // increases applied in key order (so concurrent bulk statements lock rows in the same order).
  await sql`
    create function report_week_counts_apply() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into report_week_counts as c (week, area_id, category_id, visibility, n)
          select report_week(occurred_at), area_id, category_id, visibility, count(*)::int
          from new_rows where status <> 'withdrawn'
          group by 1, 2, 3, 4 order by 1, 2, 3, 4
        on conflict (week, area_id, category_id, visibility) do update set n = c.n + excluded.n;
      elsif tg_op = 'DELETE' then
        update report_week_counts c set n = c.n - d.n
          from (select report_week(occurred_at) as week, area_id, category_id, visibility, count(*)::int as n
                from old_rows where status <> 'withdrawn' group by 1, 2, 3, 4) d
          where c.week = d.week and c.area_id = d.area_id and c.category_id = d.category_id and c.visibility = d.visibility;
      else
        -- Decreases update existing rows; increases upsert. (A negative row offered to an upsert
        -- would fail the check on n before the conflict is seen.)
        with changes as (
          select week, area_id, category_id, visibility, sum(delta)::int as delta
          from (
            select report_week(occurred_at) as week, area_id, category_id, visibility, 1 as delta from new_rows where status <> 'withdrawn'
            union all
            select report_week(occurred_at), area_id, category_id, visibility, -1 from old_rows where status <> 'withdrawn'
          ) rows
          group by 1, 2, 3, 4 having sum(delta) <> 0
        ), decreased as (
          update report_week_counts c set n = c.n + d.delta
            from changes d
            where d.delta < 0 and c.week = d.week and c.area_id = d.area_id and c.category_id = d.category_id and c.visibility = d.visibility
        )
        insert into report_week_counts as c (week, area_id, category_id, visibility, n)
          select week, area_id, category_id, visibility, delta from changes where delta > 0 order by 1, 2, 3, 4
        on conflict (week, area_id, category_id, visibility) do update set n = c.n + excluded.n;
      end if;
      return null;
    end $$`.execute(db);

  await sql`
    create trigger reports_week_counts_insert after insert on reports
      referencing new table as new_rows for each statement execute function report_week_counts_apply()`.execute(db);
  await sql`
    create trigger reports_week_counts_update after update on reports
      referencing old table as old_rows new table as new_rows for each statement execute function report_week_counts_apply()`.execute(
    db,
  );
  await sql`
    create trigger reports_week_counts_delete after delete on reports
      referencing old table as old_rows for each statement execute function report_week_counts_apply()`.execute(db);

  await sql`
    insert into report_week_counts (week, area_id, category_id, visibility, n)
      select report_week(occurred_at), area_id, category_id, visibility, count(*)::int
      from reports where status <> 'withdrawn' group by 1, 2, 3, 4`.execute(db);

  // The covering index served the old per-request count; the counts table replaces it, and intake
  // no longer maintains it.
  await sql`drop index if exists reports_lagesbild_cover`.execute(db);
}
