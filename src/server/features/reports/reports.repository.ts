import type { Kysely } from 'kysely';
import type { DB, Insertable, Updateable } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { ReportView } from '../../../contracts/reports.ts';
import { visibleReportsCondition } from './reports.policy.ts';
import type { ReportStatus, ReportsTable } from './reports.tables.ts';

function reportQuery(db: Kysely<DB>) {
  return db
    .selectFrom('reports as r')
    .innerJoin('categories as c', 'c.id', 'r.category_id')
    .innerJoin('focus_areas as f', 'f.id', 'c.focus_area_id')
    .innerJoin('areas as a', 'a.id', 'r.area_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .innerJoin('users as u', 'u.id', 'r.author_id')
    .leftJoin('places as p', 'p.id', 'r.place_id')
    .select([
      'r.id',
      'r.number',
      'r.occurred_at',
      'r.occurred_until',
      'r.lat',
      'r.lon',
      'r.x',
      'r.y',
      'r.target',
      'r.description',
      'r.severity',
      'r.visibility',
      'r.status',
      'r.review_note',
      'r.reviewed_at',
      'r.created_at',
      'r.updated_at',
      'r.author_id',
      'r.category_id',
      'c.code as category_code',
      'c.name as category_name',
      'f.code as focus_area_code',
      'a.code as area_code',
      'a.name as area_name',
      'p.code as place_code',
      'p.name as place_name',
      'o.code as organisation_code',
      'o.name as organisation_name',
      'u.name as author_name',
    ]);
}

export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReportById>>>;

export function findReportById(db: Kysely<DB>, id: string) {
  return reportQuery(db).where('r.id', '=', id).executeTakeFirst();
}

export function toReportView(row: ReportRow, viewer: Actor): ReportView {
  return {
    id: row.id,
    number: row.number,
    categoryCode: row.category_code,
    categoryName: row.category_name,
    focusAreaCode: row.focus_area_code,
    occurredAt: row.occurred_at.toISOString(),
    occurredUntil: row.occurred_until?.toISOString() ?? null,
    location: { lat: row.lat, lon: row.lon },
    areaCode: row.area_code,
    areaName: row.area_name,
    placeCode: row.place_code,
    placeName: row.place_name,
    target: row.target,
    description: row.description,
    severity: row.severity,
    visibility: row.visibility,
    status: row.status,
    organisationCode: row.organisation_code,
    organisationName: row.organisation_name,
    authorName: row.author_name,
    mine: row.author_id === viewer.userId,
    reviewNote: row.review_note,
    reviewedAt: row.reviewed_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * Inserts a report and its audit entry in ONE statement (a data-modifying CTE), which is atomic
 * without an explicit transaction. Intake is the hottest write path; this saves three round trips.
 */
export async function insertReportAudited(
  db: Kysely<DB>,
  values: Insertable<ReportsTable>,
  audit: { actorUserId: string; actorOrganisationId: string; summary: Record<string, unknown> },
) {
  return db
    .with('r', (qb) =>
      qb.insertInto('reports').values(values).returning(['id', 'number', 'status', 'created_at', 'updated_at']),
    )
    .with('a', (qb) =>
      qb
        .insertInto('audit_log')
        .columns(['actor_user_id', 'actor_organisation_id', 'action', 'entity_type', 'entity_id', 'summary'])
        .expression((eb) =>
          eb
            .selectFrom('r')
            .select((sb) => [
              sb.val(audit.actorUserId).as('actor_user_id'),
              sb.val(audit.actorOrganisationId).as('actor_organisation_id'),
              sb.val('report.create').as('action'),
              sb.val('report').as('entity_type'),
              sb.cast<string>('r.id', 'text').as('entity_id'),
              sb.cast<string>(sb.val(JSON.stringify(audit.summary)), 'jsonb').as('summary'),
            ]),
        ),
    )
    .selectFrom('r')
    .selectAll()
    .executeTakeFirstOrThrow();
}

export interface ReportFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  areaCode?: string | undefined;
  categoryCode?: string | undefined;
  focusAreaCode?: string | undefined;
  organisationCode?: string | undefined;
  status?: ReportStatus | undefined;
  authorId?: string | undefined;
}

/** Reports the actor may see, matching the filter, newest first. */
export async function listVisibleReports(
  db: Kysely<DB>,
  actor: Actor,
  filter: ReportFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: ReportRow[]; total: number }> {
  let query = reportQuery(db).where(visibleReportsCondition(actor));
  if (filter.from) query = query.where('r.occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('r.occurred_at', '<', filter.to);
  if (filter.areaCode) query = query.where('a.code', '=', filter.areaCode);
  if (filter.categoryCode) query = query.where('c.code', '=', filter.categoryCode);
  if (filter.focusAreaCode) query = query.where('f.code', '=', filter.focusAreaCode);
  if (filter.organisationCode) query = query.where('o.code', '=', filter.organisationCode);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.authorId) query = query.where('r.author_id', '=', filter.authorId);

  const [rows, count] = await Promise.all([
    query.orderBy('r.occurred_at', 'desc').orderBy('r.number', 'desc').limit(page.limit).offset(page.offset).execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Reports the actor may see among the given ids and numbers (either matches), in number order. */
export function findVisibleByIdsOrNumbers(
  db: Kysely<DB>,
  actor: Actor,
  ids: readonly string[],
  numbers: readonly number[],
) {
  return reportQuery(db)
    .where(visibleReportsCondition(actor))
    .where((eb) =>
      eb.or([
        ...(ids.length ? [eb('r.id', 'in', [...ids])] : []),
        ...(numbers.length ? [eb('r.number', 'in', [...numbers])] : []),
      ]),
    )
    .orderBy('r.number')
    .execute();
}

/**
 * Likely duplicates of a report: same category, within `metres` and `hours`, visible to the
 * actor. Distances use the stored SWEREF 99 TM metres, so no PostGIS is needed.
 */
export function findNearbySameCategory(
  db: Kysely<DB>,
  actor: Actor,
  report: { id: string; categoryId: string; occurredAt: Date; x: number; y: number },
  metres: number,
  hours: number,
) {
  const windowMs = hours * 3_600_000;
  return reportQuery(db)
    .where(visibleReportsCondition(actor))
    .where('r.id', '!=', report.id)
    .where('r.category_id', '=', report.categoryId)
    .where('r.status', '!=', 'withdrawn')
    .where('r.occurred_at', '>=', new Date(report.occurredAt.getTime() - windowMs))
    .where('r.occurred_at', '<=', new Date(report.occurredAt.getTime() + windowMs))
    .where('r.x', '>=', report.x - metres)
    .where('r.x', '<=', report.x + metres)
    .where('r.y', '>=', report.y - metres)
    .where('r.y', '<=', report.y + metres)
    .orderBy('r.occurred_at')
    .execute()
    .then((rows) => rows.filter((r) => Math.hypot(r.x - report.x, r.y - report.y) <= metres));
}

/**
 * Changes a report only while it still has `status`; false when it changed meanwhile. The
 * status guard in SQL keeps a concurrent review from being overwritten.
 */
export async function updateReportIfStatus(
  db: Kysely<DB>,
  id: string,
  status: ReportStatus,
  changes: Updateable<ReportsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('reports')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
