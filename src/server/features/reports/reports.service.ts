import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { diffSummary, recordAudit } from '../../platform/audit.ts';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnprocessableError,
  ValidationError,
} from '../../platform/errors.ts';
import { existingWeekRange } from '../../platform/week-params.ts';
import { wgs84ToSweref99tm } from '../../../analysis/projection.ts';
import type {
  ReportCorrection,
  ReportCreate,
  ReportListQuery,
  ReportListView,
  ReportReview,
  ReportView,
} from '../../../contracts/reports.ts';
import type { AreaLookup, ReferenceService } from '../reference/reference.service.ts';
import { canCorrectReport, canFileReports, canMoveReport, canReviewReports, canSeeReport } from './reports.policy.ts';
import * as repo from './reports.repository.ts';

/** Reports may be filed with a small clock skew, never for the future. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
export const DUPLICATE_RADIUS_METRES = 100;
export const DUPLICATE_WINDOW_HOURS = 48;

export interface ReportsServiceDeps {
  db: Kysely<DB>;
  reference: ReferenceService;
  clock: () => Date;
}

export function createReportsService({ db, reference, clock }: ReportsServiceDeps) {
  // Categories and places come from the in-memory reference lookup: no queries before a write.
  const unknownCategory = () =>
    new ValidationError('Unknown category', [
      { path: 'body.categoryCode', message: 'unknown category', code: 'UNKNOWN_CATEGORY' },
    ]);
  const unknownPlace = () =>
    new ValidationError('Unknown place', [{ path: 'body.placeCode', message: 'unknown place', code: 'UNKNOWN_PLACE' }]);

  /** The active category with this code; VALIDATION (UNKNOWN_CATEGORY) otherwise. */
  function activeCategory(lookup: AreaLookup, code: string) {
    const category = lookup.categoryByCode.get(code);
    if (!category || !category.active) throw unknownCategory();
    return category;
  }

  /** The active named place with this code; VALIDATION (UNKNOWN_PLACE) otherwise. */
  function activePlace(lookup: AreaLookup, code: string) {
    const place = lookup.placeByCode.get(code);
    if (!place) throw unknownPlace();
    return place;
  }

  /** Area and projected position of a point; OUTSIDE_MUNICIPALITY (422) when it is clearly outside. */
  async function locate(point: { lat: number; lon: number }) {
    const lookup = await reference.areaLookup();
    const located = lookup.locate(point);
    if (located.kind === 'outside') {
      throw new UnprocessableError('OUTSIDE_MUNICIPALITY', 'The position lies outside the municipality', {
        distanceMetres: Number.isFinite(located.distanceMetres) ? Math.round(located.distanceMetres) : null,
        toleranceMetres: lookup.toleranceMetres,
      });
    }
    const areaId = lookup.idByCode.get(located.areaCode);
    if (!areaId) throw new AppError('INTERNAL', 500, `Area ${located.areaCode} has no id`);
    return { areaId, areaCode: located.areaCode, ...wgs84ToSweref99tm(point.lat, point.lon) };
  }

  /** Not in the future, and a window that ends no earlier than it starts (instants, not strings). */
  function checkTimes(occurredAt: Date, occurredUntil: Date | null) {
    const limit = clock().getTime() + FUTURE_TOLERANCE_MS;
    if (occurredAt.getTime() > limit || (occurredUntil && occurredUntil.getTime() > limit)) {
      throw new ValidationError('The time lies in the future', [
        { path: 'body.occurredAt', message: 'must not be in the future', code: 'OCCURRED_IN_FUTURE' },
      ]);
    }
    if (occurredUntil && occurredUntil.getTime() < occurredAt.getTime()) {
      throw new ValidationError('Invalid time window', [
        { path: 'body.occurredUntil', message: 'must not be before occurredAt', code: 'UNTIL_BEFORE_START' },
      ]);
    }
  }

  async function visibleOr404(actor: Actor, id: string) {
    const row = await repo.findReportById(db, id);
    if (!row || !canSeeReport(actor, { authorId: row.author_id, visibility: row.visibility, status: row.status })) {
      throw new NotFoundError('Report');
    }
    return row;
  }

  return {
    /**
     * Files a report for the actor's organisation. Throws FORBIDDEN (läsare), VALIDATION
     * (unknown category/place, future time), PERSONAL_DATA (422), OUTSIDE_MUNICIPALITY (422).
     */
    async report(actor: Actor, input: ReportCreate): Promise<ReportView> {
      if (!canFileReports(actor)) throw new ForbiddenError('Read-only users cannot file reports');
      const occurredAt = new Date(input.occurredAt);
      const occurredUntil = input.occurredUntil ? new Date(input.occurredUntil) : null;
      checkTimes(occurredAt, occurredUntil);
      const lookup = await reference.areaLookup();
      const category = activeCategory(lookup, input.categoryCode);
      const namedPlace = input.placeCode ? activePlace(lookup, input.placeCode) : undefined;
      const point = input.location ?? { lat: namedPlace!.lat, lon: namedPlace!.lon };
      const { areaId, areaCode, x, y } = await locate(point);

      const row = await repo.insertReportAudited(
        db,
        {
          category_id: category.id,
          organisation_id: actor.organisationId,
          author_id: actor.userId,
          occurred_at: occurredAt,
          occurred_until: occurredUntil,
          lat: point.lat,
          lon: point.lon,
          x,
          y,
          area_id: areaId,
          place_id: namedPlace?.id ?? null,
          target: input.target,
          description: input.description,
          severity: input.severity,
          visibility: input.visibility,
        },
        {
          actorUserId: actor.userId,
          actorOrganisationId: actor.organisationId,
          summary: {
            after: { categoryCode: input.categoryCode, occurredAt: input.occurredAt, visibility: input.visibility },
          },
        },
      );
      // The stored row, assembled from what intake already holds, so filing costs no read-back.
      return repo.toReportView(
        {
          ...row,
          occurred_at: occurredAt,
          occurred_until: occurredUntil,
          lat: point.lat,
          lon: point.lon,
          x,
          y,
          target: input.target,
          description: input.description,
          severity: input.severity,
          visibility: input.visibility,
          review_note: null,
          reviewed_at: null,
          author_id: actor.userId,
          category_id: category.id,
          category_code: category.code,
          category_name: category.name,
          focus_area_code: category.focusAreaCode,
          area_code: areaCode,
          area_name: lookup.nameByCode.get(areaCode) ?? areaCode,
          place_code: namedPlace?.code ?? null,
          place_name: namedPlace?.name ?? null,
          organisation_code: actor.organisationCode,
          organisation_name: lookup.organisationNameById.get(actor.organisationId) ?? actor.organisationCode,
          author_name: actor.name,
        },
        actor,
      );
    },

    /** One report; NOT_FOUND when missing or hidden from the actor. */
    async get(actor: Actor, id: string): Promise<ReportView> {
      return repo.toReportView(await visibleOr404(actor, id), actor);
    },

    /** Reports visible to the actor matching the filter. Throws VALIDATION for a week that does not exist. */
    async list(actor: Actor, query: ReportListQuery): Promise<ReportListView> {
      let from = query.from ? new Date(query.from) : undefined;
      let to = query.to ? new Date(query.to) : undefined;
      if (query.week) {
        const range = existingWeekRange(query.week, 'query.week');
        from = from && from > range.from ? from : range.from;
        to = to && to < range.to ? to : range.to;
      }
      const { rows, total } = await repo.listVisibleReports(
        db,
        actor,
        {
          from,
          to,
          areaCode: query.areaCode,
          categoryCode: query.categoryCode,
          focusAreaCode: query.focusAreaCode,
          organisationCode: query.organisationCode,
          status: query.status,
          authorId: query.mine ? actor.userId : undefined,
        },
        { limit: query.limit, offset: query.offset },
      );
      return { items: rows.map((r) => repo.toReportView(r, actor)), total };
    },

    /**
     * The visible reports among the given ids and report numbers, in number order; what the
     * actor may not see is simply absent (as with the list). For linking reports by number.
     */
    async lookup(actor: Actor, query: { ids: readonly string[]; numbers: readonly number[] }): Promise<ReportView[]> {
      if (query.ids.length === 0 && query.numbers.length === 0) return [];
      const rows = await repo.findVisibleByIdsOrNumbers(db, actor, query.ids, query.numbers);
      return rows.map((r) => repo.toReportView(r, actor));
    },

    /**
     * The author corrects her report while it is new. Throws NOT_FOUND, FORBIDDEN (läsare), REPORT_LOCKED (409, once
     * reviewed or not hers), PERSONAL_DATA, OUTSIDE_MUNICIPALITY, VALIDATION.
     */
    async correct(actor: Actor, id: string, input: ReportCorrection): Promise<ReportView> {
      const before = await visibleOr404(actor, id);
      // A läsare never writes a report: she hears FORBIDDEN, not that this one is locked.
      if (!canFileReports(actor)) throw new ForbiddenError('Read-only users cannot change reports');
      if (!canCorrectReport(actor, { authorId: before.author_id, status: before.status })) {
        throw new ConflictError(
          'REPORT_LOCKED',
          'Only the author can correct a report, and only until it has been reviewed',
        );
      }
      const occurredAt = input.occurredAt ? new Date(input.occurredAt) : before.occurred_at;
      const occurredUntil =
        input.occurredUntil === undefined
          ? before.occurred_until
          : input.occurredUntil
            ? new Date(input.occurredUntil)
            : null;
      checkTimes(occurredAt, occurredUntil);
      const lookup = await reference.areaLookup();
      const category = input.categoryCode ? activeCategory(lookup, input.categoryCode).id : before.category_id;
      const namedPlace = input.placeCode ? activePlace(lookup, input.placeCode) : undefined;
      const point =
        input.location ??
        (namedPlace ? { lat: namedPlace.lat, lon: namedPlace.lon } : { lat: before.lat, lon: before.lon });
      const moved = point.lat !== before.lat || point.lon !== before.lon;
      const position = moved ? await locate(point) : undefined;

      const changes = {
        ...(input.categoryCode ? { category_id: category } : {}),
        occurred_at: occurredAt,
        occurred_until: occurredUntil,
        ...(position ? { lat: point.lat, lon: point.lon, x: position.x, y: position.y, area_id: position.areaId } : {}),
        ...(input.placeCode !== undefined ? { place_id: namedPlace?.id ?? null } : {}),
        ...(input.target ? { target: input.target } : {}),
        ...(input.description ? { description: input.description } : {}),
        ...(input.severity ? { severity: input.severity } : {}),
        ...(input.visibility ? { visibility: input.visibility } : {}),
      };
      await db.transaction().execute(async (trx) => {
        if (!(await repo.updateReportIfStatus(trx, id, 'new', { ...changes, updated_at: clock() })))
          throw new ConflictError('REPORT_LOCKED', 'The report was reviewed meanwhile');
        await recordAudit(trx, actor, {
          action: 'report.correct',
          entityType: 'report',
          entityId: id,
          summary: diffSummary(
            {
              description: before.description,
              categoryCode: before.category_code,
              lat: before.lat,
              lon: before.lon,
              occurredAt: before.occurred_at.toISOString(),
            },
            {
              description: input.description ?? before.description,
              categoryCode: input.categoryCode ?? before.category_code,
              lat: point.lat,
              lon: point.lon,
              occurredAt: occurredAt.toISOString(),
            },
          ),
        });
      });
      return repo.toReportView((await repo.findReportById(db, id))!, actor);
    },

    /** The author withdraws her report while it is new. Throws NOT_FOUND, FORBIDDEN (läsare), REPORT_LOCKED (409). */
    async withdraw(actor: Actor, id: string): Promise<ReportView> {
      const before = await visibleOr404(actor, id);
      // A läsare never writes a report: she hears FORBIDDEN, not that this one is locked.
      if (!canFileReports(actor)) throw new ForbiddenError('Read-only users cannot change reports');
      if (!canCorrectReport(actor, { authorId: before.author_id, status: before.status })) {
        throw new ConflictError(
          'REPORT_LOCKED',
          'Only the author can withdraw a report, and only until it has been reviewed',
        );
      }
      await db.transaction().execute(async (trx) => {
        if (!(await repo.updateReportIfStatus(trx, id, 'new', { status: 'withdrawn', updated_at: clock() })))
          throw new ConflictError('REPORT_LOCKED', 'The report was reviewed meanwhile');
        await recordAudit(trx, actor, {
          action: 'report.withdraw',
          entityType: 'report',
          entityId: id,
          summary: { before: { status: before.status }, after: { status: 'withdrawn' } },
        });
      });
      return repo.toReportView((await repo.findReportById(db, id))!, actor);
    },

    /** A coordinator moves a report new -> reviewed -> closed. Throws FORBIDDEN, NOT_FOUND, INVALID_STATUS_TRANSITION (409). */
    async review(actor: Actor, id: string, input: ReportReview): Promise<ReportView> {
      if (!canReviewReports(actor)) throw new ForbiddenError('Only coordinators review reports');
      const before = await visibleOr404(actor, id);
      if (!canMoveReport(before.status, input.status)) {
        throw new ConflictError(
          'INVALID_STATUS_TRANSITION',
          `A ${before.status} report cannot become ${input.status}`,
          { from: before.status, to: input.status },
        );
      }
      await db.transaction().execute(async (trx) => {
        const moved = await repo.updateReportIfStatus(trx, id, before.status, {
          status: input.status,
          review_note: input.note ?? before.review_note,
          reviewed_at: clock(),
          reviewed_by: actor.userId,
          updated_at: clock(),
        });
        if (!moved) throw new ConflictError('INVALID_STATUS_TRANSITION', 'The report changed meanwhile');
        await recordAudit(trx, actor, {
          action: 'report.review',
          entityType: 'report',
          entityId: id,
          summary: { before: { status: before.status }, after: { status: input.status, note: input.note } },
        });
      });
      return repo.toReportView((await repo.findReportById(db, id))!, actor);
    },

    /** Likely duplicates: same category within 100 m and 48 h, as far as the actor may see. Throws NOT_FOUND. */
    async likelyDuplicates(actor: Actor, id: string): Promise<ReportView[]> {
      const report = await visibleOr404(actor, id);
      const rows = await repo.findNearbySameCategory(
        db,
        actor,
        { id, categoryId: report.category_id, occurredAt: report.occurred_at, x: report.x, y: report.y },
        DUPLICATE_RADIUS_METRES,
        DUPLICATE_WINDOW_HOURS,
      );
      return rows.map((r) => repo.toReportView(r, actor));
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
