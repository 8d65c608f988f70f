import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { seesAllReports, visibleReportsCondition } from '../reports/reports.policy.ts';
import type { AssessmentLevel, LagesbildView, PictureSnapshot, WeekMapView } from '../../../contracts/lagesbild.ts';

/**
 * Whose visibility the figures follow: `full` (all reports: coordinators, police), `partnership`
 * (reports shared with the partnership; what a published picture shows everyone else), or one
 * actor (the live picture for a reporter also counts her own restricted reports).
 */
export type Audience = { kind: 'full' } | { kind: 'partnership' } | { kind: 'actor'; actor: Actor };

/** Counted reports: not withdrawn, and visible to the audience. On the `reports as r` alias. */
function counted(audience: Audience) {
  return (eb: ExpressionBuilder<DB & { r: DB['reports'] }, 'r'>) => {
    const live = eb('r.status', '!=', 'withdrawn');
    if (audience.kind === 'full') return live;
    if (audience.kind === 'partnership') return eb.and([live, eb('r.visibility', '=', 'partnership')]);
    return eb.and([live, visibleReportsCondition(audience.actor)(eb)]);
  };
}

/**
 * Counts per area, category and week from `report_week_counts` (kept by triggers on reports), so
 * the ten weeks of a picture cost one index range over a few thousand rows whatever the volume.
 * A reporter's own live picture adds her own restricted reports, counted from `reports` (few rows,
 * by the author index). `weeks` are the window's weeks, oldest first; weekIndex is the position.
 */
export async function countByAreaCategoryWeek(
  db: Kysely<DB>,
  audience: Audience,
  weeks: readonly string[],
  range: { from: Date; to: Date },
) {
  const full = audience.kind === 'full' || (audience.kind === 'actor' && seesAllReports(audience.actor));
  let inner = db
    .selectFrom('report_week_counts')
    .select(['week', 'area_id', 'category_id', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('week', 'in', weeks)
    .groupBy(['week', 'area_id', 'category_id'])
    .having((eb) => eb.fn.sum('n'), '>', 0);
  if (!full) inner = inner.where('visibility', '=', 'partnership');
  // One text for the ~1,500 rows of ten weeks: PGlite decodes row by row in JavaScript (see placeCandidates).
  const counted = db
    .selectFrom(inner.as('c'))
    .select(
      sql<
        string | null
      >`string_agg(c.week || ',' || c.area_id::text || ',' || c.category_id::text || ',' || c.n::text, ';')`.as(
        'counts',
      ),
    )
    .executeTakeFirstOrThrow()
    .then((row) =>
      (row.counts ? row.counts.split(';') : []).map((record) => {
        const [week, area_id, category_id, n] = record.split(',') as [string, string, string, string];
        return { week, area_id, category_id, n };
      }),
    );
  const ownRestricted =
    audience.kind === 'actor' && !full
      ? db
          .selectFrom('reports as r')
          .select([
            sql<string>`report_week(r.occurred_at)`.as('week'),
            'r.area_id',
            'r.category_id',
            (eb) => eb.fn.countAll<number>().as('n'),
          ])
          .where('r.author_id', '=', audience.actor.userId)
          .where('r.visibility', '=', 'restricted')
          .where('r.status', '!=', 'withdrawn')
          .where('r.occurred_at', '>=', range.from)
          .where('r.occurred_at', '<', range.to)
          .groupBy(['week', 'r.area_id', 'r.category_id'])
          .execute()
      : Promise.resolve([]);
  const [rows, own] = await Promise.all([counted, ownRestricted]);
  const index = new Map(weeks.map((w, i) => [w, i]));
  return [...rows, ...own].map((r) => ({
    areaId: r.area_id,
    categoryId: r.category_id,
    weekIndex: index.get(r.week)!,
    n: Number(r.n),
  }));
}

/** Positions of the counted reports in a time range, for recurring places; parallel arrays. */
export interface PlaceCandidates {
  numbers: Float64Array;
  x: Float64Array;
  y: Float64Array;
}

/**
 * The newest `limit` counted reports of a time range as report number and SWEREF 99 TM position
 * to the centimetre: all that clustering needs (the members of the places shown are read
 * afterwards by number). Aggregated into one text on the database side: PGlite decodes every
 * field of every row in JavaScript, and four weeks of a busy municipality (7,000 rows) cost
 * several times what splitting one string does; integers print faster than shortest-form floats
 * (bench/lagesbild.ts). Newest first follows the occurred_at index backwards, so nothing is sorted.
 */
export async function placeCandidates(
  db: Kysely<DB>,
  audience: Audience,
  from: Date,
  to: Date,
  limit: number,
): Promise<PlaceCandidates> {
  const inner = db
    .selectFrom('reports as r')
    .select(['r.number', 'r.x', 'r.y'])
    .where('r.occurred_at', '>=', from)
    .where('r.occurred_at', '<', to)
    .where(counted(audience))
    .orderBy('r.occurred_at', 'desc')
    .limit(limit);
  const row = await db
    .selectFrom(inner.as('p'))
    .select(
      sql<
        string | null
      >`string_agg(p.number::text || ',' || round(p.x * 100)::bigint::text || ',' || round(p.y * 100)::bigint::text, ';')`.as(
        'points',
      ),
    )
    .executeTakeFirstOrThrow();
  return parseIntegerTriples(row.points ?? '');
}

/**
 * Reads `number,xcm,ycm;number,xcm,ycm;...` (integers) into typed arrays in one pass over the
 * characters: no intermediate strings, so a month of reports adds no garbage to collect.
 */
export function parseIntegerTriples(text: string): PlaceCandidates {
  let n = text.length > 0 ? 1 : 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 59 /* ; */) n++;
  const fields = [new Float64Array(n), new Float64Array(n), new Float64Array(n)] as const;
  let record = 0;
  let field = 0;
  let value = 0;
  let sign = 1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 59;
    if (c === 44 /* , */ || c === 59 /* ; */) {
      fields[field]![record] = sign * value;
      value = 0;
      sign = 1;
      if (c === 44) field++;
      else {
        record++;
        field = 0;
      }
    } else if (c === 45 /* - */) {
      sign = -1;
    } else {
      value = value * 10 + (c - 48);
    }
  }
  // Positions come in centimetres.
  for (let r = 0; r < n; r++) {
    fields[1][r] = fields[1][r]! / 100;
    fields[2][r] = fields[2][r]! / 100;
  }
  return { numbers: fields[0], x: fields[1], y: fields[2] };
}

/** The reports behind the recurring places shown, by number (numbers come from an audience-filtered read). */
export async function reportsByNumber(db: Kysely<DB>, numbers: readonly number[]) {
  if (numbers.length === 0) return [];
  return db
    .selectFrom('reports')
    .select(['id', 'number', 'lat', 'lon', 'area_id', 'category_id', 'occurred_at'])
    .where('number', 'in', numbers)
    .execute();
}

export interface ReportPoint {
  id: string;
  number: number;
  x: number;
  y: number;
  lat: number;
  lon: number;
  area_id: string;
  category_id: string;
  occurred_at: Date;
}

/**
 * The reports of a time range with positions, oldest first, at most `limit`. Aggregated into one
 * text on the database side: PGlite decodes every field of every row in JavaScript, and four weeks
 * of a busy municipality (7,000 rows x 9 fields) cost several times what splitting one string does
 * (bench/lagesbild.ts). Floats print in shortest round-trip form, so positions survive exactly.
 */
export async function pointsBetween(
  db: Kysely<DB>,
  audience: Audience,
  from: Date,
  to: Date,
  limit: number,
): Promise<ReportPoint[]> {
  const inner = db
    .selectFrom('reports as r')
    .select(['r.id', 'r.number', 'r.x', 'r.y', 'r.lat', 'r.lon', 'r.area_id', 'r.category_id', 'r.occurred_at'])
    .where('r.occurred_at', '>=', from)
    .where('r.occurred_at', '<', to)
    .where(counted(audience))
    .orderBy('r.occurred_at')
    .orderBy('r.number')
    .limit(limit);
  const row = await db
    .selectFrom(inner.as('p'))
    .select(
      // Plain text casts and no ordered aggregate: measurably cheaper; the order is restored in JS.
      sql<
        string | null
      >`string_agg(p.id::text || ',' || p.number::text || ',' || p.x::text || ',' || p.y::text || ',' || p.lat::text || ','
        || p.lon::text || ',' || p.area_id::text || ',' || p.category_id::text || ',' || floor(extract(epoch from p.occurred_at) * 1000)::bigint::text, ';')`.as(
        'points',
      ),
    )
    .executeTakeFirstOrThrow();
  return parsePoints(row.points).sort(
    (a, b) => a.occurred_at.getTime() - b.occurred_at.getTime() || a.number - b.number,
  );
}

export function parsePoints(text: string | null): ReportPoint[] {
  if (!text) return [];
  return text.split(';').map((record) => {
    const [id, number, x, y, lat, lon, areaId, categoryId, ms] = record.split(',') as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    return {
      id,
      number: Number(number),
      x: Number(x),
      y: Number(y),
      lat: Number(lat),
      lon: Number(lon),
      area_id: areaId,
      category_id: categoryId,
      occurred_at: new Date(Number(ms)),
    };
  });
}

/**
 * Reports filed since the last meeting (the latest publication of an earlier week; without one,
 * since the week began) until `until`, for the audience: one statement, the meeting's time as a subquery.
 */
export async function countFiledSinceLastMeeting(
  db: Kysely<DB>,
  audience: Audience,
  week: string,
  weekFrom: Date,
  until: Date,
) {
  const since = sql<Date>`coalesce((select max(v.published_at) from lagesbild_versions v where v.week < ${week}), ${weekFrom}::timestamptz)`;
  const row = await db
    .selectFrom('reports as r')
    .select([(eb) => eb.fn.countAll<number>().as('n'), since.as('since')])
    .where('r.created_at', '>', since)
    .where('r.created_at', '<=', until)
    .where(counted(audience))
    .executeTakeFirstOrThrow();
  return { since: new Date(row.since), count: Number(row.n) };
}

/** Ids of the week's counted reports (all of them), linked to a published version for feedback. */
export async function linkVersionReports(db: Kysely<DB>, versionId: string, from: Date, to: Date): Promise<void> {
  await db
    .insertInto('lagesbild_version_reports')
    .columns(['version_id', 'report_id'])
    .expression((eb) =>
      eb
        .selectFrom('reports as r')
        .select([sql<string>`${versionId}::uuid`.as('version_id'), 'r.id'])
        .where('r.occurred_at', '>=', from)
        .where('r.occurred_at', '<', to)
        .where(counted({ kind: 'full' })),
    )
    .execute();
}

/** Everything of a picture that is not a count, read in one round trip (see pictureContext). */
export interface PictureContext {
  areas: { id: string; code: string; name: string }[];
  categories: { id: string; code: string; name: string; focus_area_code: string; color: string }[];
  summary: string | null;
  assessments: { area_id: string; level: AssessmentLevel; comment: string; updated_at: string }[];
}

/**
 * Active areas and categories in display order, the week's draft summary and its assessments, as
 * one statement of JSON subqueries: the picture is compiled on every request of the meeting, and
 * each separate query costs a round trip (and, on PostgreSQL, a socket write) of its own.
 */
export async function pictureContext(db: Kysely<DB>, week: string): Promise<PictureContext> {
  const row = await db
    .selectNoFrom([
      sql<
        PictureContext['areas'] | null
      >`(select json_agg(json_build_object('id', a.id, 'code', a.code, 'name', a.name) order by a.sort_order, a.name)
        from areas a where a.active)`.as('areas'),
      sql<
        PictureContext['categories'] | null
      >`(select json_agg(json_build_object('id', c.id, 'code', c.code, 'name', c.name, 'focus_area_code', f.code, 'color', f.color)
        order by f.sort_order, c.sort_order) from categories c join focus_areas f on f.id = c.focus_area_id where c.active)`.as(
        'categories',
      ),
      sql<string | null>`(select d.summary from lagesbild_drafts d where d.week = ${week})`.as('summary'),
      sql<
        PictureContext['assessments'] | null
      >`(select json_agg(json_build_object('area_id', s.area_id, 'level', s.level, 'comment', s.comment, 'updated_at', s.updated_at))
        from lagesbild_assessments s where s.week = ${week})`.as('assessments'),
    ])
    .executeTakeFirstOrThrow();
  return {
    areas: row.areas ?? [],
    categories: row.categories ?? [],
    summary: row.summary,
    assessments: row.assessments ?? [],
  };
}

export function activeAreas(db: Kysely<DB>) {
  return db
    .selectFrom('areas')
    .select(['id', 'code', 'name'])
    .where('active', '=', true)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
}

/** Area outlines, only for the PDF map: the geometries are large and the picture itself never needs them. */
export function areaShapes(db: Kysely<DB>) {
  return db
    .selectFrom('areas')
    .select(['code', 'name', 'geometry'])
    .where('active', '=', true)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
}

export function findDraft(db: Kysely<DB>, week: string) {
  return db
    .selectFrom('lagesbild_drafts')
    .select(['summary', 'updated_at'])
    .where('week', '=', week)
    .executeTakeFirst();
}

export async function upsertSummary(
  db: Kysely<DB>,
  week: string,
  summary: string,
  userId: string,
  at: Date,
): Promise<void> {
  await db
    .insertInto('lagesbild_drafts')
    .values({ week, summary, updated_by: userId, updated_at: at })
    .onConflict((oc) => oc.column('week').doUpdateSet({ summary, updated_by: userId, updated_at: at }))
    .execute();
}

export function findAssessment(db: Kysely<DB>, week: string, areaId: string) {
  return db
    .selectFrom('lagesbild_assessments')
    .select(['level', 'comment'])
    .where('week', '=', week)
    .where('area_id', '=', areaId)
    .executeTakeFirst();
}

export async function upsertAssessment(
  db: Kysely<DB>,
  values: { week: string; areaId: string; level: AssessmentLevel; comment: string; userId: string; at: Date },
): Promise<void> {
  const row = { level: values.level, comment: values.comment, updated_by: values.userId, updated_at: values.at };
  await db
    .insertInto('lagesbild_assessments')
    .values({ week: values.week, area_id: values.areaId, ...row })
    .onConflict((oc) => oc.columns(['week', 'area_id']).doUpdateSet(row))
    .execute();
}

export function latestVersion(db: Kysely<DB>, week: string) {
  return db
    .selectFrom('lagesbild_versions')
    .select(['id', 'version', 'published_at'])
    .where('week', '=', week)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * A published version's picture for one audience, without its map points (the jsonb `-` leaves
 * them in the database; the map has its own request).
 */
export function findVersionSnapshot(
  db: Kysely<DB>,
  week: string,
  version: number | 'latest',
  audience: 'full' | 'partnership',
) {
  const column = audience === 'full' ? sql.ref('snapshot_full') : sql.ref('snapshot_partnership');
  let query = db
    .selectFrom('lagesbild_versions')
    .select(sql<LagesbildView>`${column} - 'reports' - 'reportsTruncated'`.as('snapshot'))
    .where('week', '=', week);
  query = version === 'latest' ? query.orderBy('version', 'desc').limit(1) : query.where('version', '=', version);
  return query.executeTakeFirst();
}

/** A published version's map points for one audience. */
export function findVersionMap(
  db: Kysely<DB>,
  week: string,
  version: number | 'latest',
  audience: 'full' | 'partnership',
) {
  const column = audience === 'full' ? sql.ref('snapshot_full') : sql.ref('snapshot_partnership');
  let query = db
    .selectFrom('lagesbild_versions')
    .select([
      'version',
      sql<WeekMapView['reports']>`${column} -> 'reports'`.as('reports'),
      sql<boolean>`(${column} ->> 'reportsTruncated')::boolean`.as('reports_truncated'),
    ])
    .where('week', '=', week);
  query = version === 'latest' ? query.orderBy('version', 'desc').limit(1) : query.where('version', '=', version);
  return query.executeTakeFirst();
}

export function listVersions(db: Kysely<DB>, week: string) {
  return db
    .selectFrom('lagesbild_versions as v')
    .innerJoin('users as u', 'u.id', 'v.published_by')
    .select(['v.version', 'v.published_at', 'v.reason', 'u.name as published_by'])
    .where('v.week', '=', week)
    .orderBy('v.version')
    .execute();
}

export async function insertVersion(
  db: Kysely<DB>,
  values: {
    week: string;
    version: number;
    reason: string | null;
    full: PictureSnapshot;
    partnership: PictureSnapshot;
    userId: string;
    at: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('lagesbild_versions')
    .values({
      week: values.week,
      version: values.version,
      reason: values.reason,
      snapshot_full: JSON.stringify(values.full),
      snapshot_partnership: JSON.stringify(values.partnership),
      published_by: values.userId,
      published_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Per week in range, the area levels of the latest published version, else of the draft. */
export async function levelsBetween(db: Kysely<DB>, fromWeek: string, toWeek: string) {
  const [published, drafts] = await Promise.all([
    db
      .selectFrom('lagesbild_versions as v')
      .select([
        'v.week',
        'v.version',
        'v.published_at',
        sql<{ areaCode: string; level: AssessmentLevel | null }[]>`(
          select coalesce(jsonb_agg(jsonb_build_object('areaCode', e->>'areaCode', 'level', e->'assessment'->>'level')), '[]'::jsonb)
          from jsonb_array_elements(v.snapshot_partnership->'byArea') e)`.as('levels'),
      ])
      .where('v.week', '>=', fromWeek)
      .where('v.week', '<=', toWeek)
      .where((eb) =>
        eb(
          'v.version',
          '=',
          eb
            .selectFrom('lagesbild_versions as w')
            .select((e) => e.fn.max('w.version').as('m'))
            .whereRef('w.week', '=', 'v.week'),
        ),
      )
      .execute(),
    db
      .selectFrom('lagesbild_assessments as s')
      .innerJoin('areas as a', 'a.id', 's.area_id')
      .select(['s.week', 'a.code', 's.level'])
      .where('s.week', '>=', fromWeek)
      .where('s.week', '<=', toWeek)
      .execute(),
  ]);
  return { published, drafts };
}

/** Published versions that counted any of the reports, per report, oldest week and version first. */
export function versionsOfReports(db: Kysely<DB>, reportIds: readonly string[]) {
  return db
    .selectFrom('lagesbild_version_reports as vr')
    .innerJoin('lagesbild_versions as v', 'v.id', 'vr.version_id')
    .select(['vr.report_id', 'v.week', 'v.version', 'v.published_at'])
    .where('vr.report_id', 'in', [...reportIds])
    .orderBy('v.week')
    .orderBy('v.version')
    .execute();
}
