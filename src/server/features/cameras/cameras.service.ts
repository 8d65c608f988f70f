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
import { wgs84ToSweref99tm } from '../../../analysis/projection.ts';
import type { ReferenceService } from '../reference/reference.service.ts';
import type {
  CameraSiteCreate,
  CameraSiteListItem,
  CameraSiteUpdate,
  CameraSiteView,
  CameraWarning,
  FaultResolve,
  InspectionCreate,
  InspectionView,
  LegalBasisInput,
  StatusChange,
} from '../../../contracts/cameras.ts';
import * as repo from './cameras.repository.ts';
import { canManageSite, canNameResponsible, canProposeSites } from './cameras.policy.ts';
import { canMoveSite, legalBasisProblem, NEEDS_LEGAL_BASIS, type LegalBasisFacts } from './camera-status.ts';
import { basisFacts, ownership, toInspectionView, toListItem, toSiteView } from './camera-views.ts';
import { swedishDate } from './camera-dates.ts';
import { listVisibleReportNumbers } from './camera-analytics.repository.ts';
import type { SiteRow } from './cameras.repository.ts';

export interface CameraServiceDeps {
  db: Kysely<DB>;
  reference: ReferenceService;
  clock: () => Date;
}

const invalid = (path: string, code: string, message: string) =>
  new ValidationError(message, [{ path, message, code }]);

export function createCameraRegisterService({ db, reference, clock }: CameraServiceDeps) {
  const today = () => swedishDate(clock());

  async function siteOr404(id: string) {
    const row = await repo.findSiteById(db, id);
    if (!row) throw new NotFoundError('Camera site');
    return row;
  }

  async function managedSite(actor: Actor, id: string) {
    const row = await siteOr404(id);
    if (!canManageSite(actor, ownership(row)))
      throw new ForbiddenError(
        "Only the owning organisation's coordinators, the camera responsible and admins manage a site",
      );
    return row;
  }

  /** Area and projected position; OUTSIDE_MUNICIPALITY (422) when the point is clearly outside. */
  async function locate(point: { lat: number; lon: number }) {
    const lookup = await reference.areaLookup();
    const located = lookup.locate(point);
    if (located.kind === 'outside')
      throw new UnprocessableError('OUTSIDE_MUNICIPALITY', 'The position lies outside the municipality');
    const areaId = lookup.idByCode.get(located.areaCode);
    if (!areaId) throw new AppError('INTERNAL', 500, `Area ${located.areaCode} has no id`);
    return { area_id: areaId, lat: point.lat, lon: point.lon, ...wgs84ToSweref99tm(point.lat, point.lon) };
  }

  async function codeToId(table: 'places' | 'focus_areas' | 'organisations', code: string, path: string) {
    const row = await db.selectFrom(table).select('id').where('code', '=', code).executeTakeFirst();
    if (!row) throw invalid(path, 'UNKNOWN_CODE', `Unknown ${table.replace('_', ' ')}`);
    return row.id;
  }

  async function checkUser(id: string | null | undefined) {
    if (!id) return;
    const row = await db
      .selectFrom('users')
      .select('id')
      .where('id', '=', id)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!row) throw invalid('body.responsibleUserId', 'UNKNOWN_USER', 'No active user with that id');
  }

  async function place(code: string) {
    const row = await db
      .selectFrom('places')
      .select(['id', 'lat', 'lon', 'approximate'])
      .where('code', '=', code)
      .executeTakeFirst();
    if (!row) throw invalid('body.placeCode', 'UNKNOWN_CODE', 'Unknown place');
    return row;
  }

  /**
   * The reports a site cites: each must exist and be visible to the actor (a report she cannot
   * see answers as unknown, so nothing leaks); reports cited before that she cannot see stay cited.
   */
  async function citedReports(actor: Actor, ids: readonly string[], before: readonly string[] = []) {
    const wanted = [...new Set(ids)];
    const visible = new Set((await listVisibleReportNumbers(db, actor, wanted)).map((r) => r.id));
    const unknown = wanted.filter((reportId) => !visible.has(reportId));
    if (unknown.length) throw invalid('body.motivatingReportIds', 'UNKNOWN_REPORT', `Unknown report ${unknown[0]}`);
    const seenBefore = new Set((await listVisibleReportNumbers(db, actor, before)).map((r) => r.id));
    return JSON.stringify([...wanted, ...before.filter((reportId) => !seenBefore.has(reportId))]);
  }

  async function view(actor: Actor, row: SiteRow) {
    const cited = await listVisibleReportNumbers(db, actor, row.motivating_report_ids);
    return toSiteView(
      row,
      actor,
      today(),
      cited.map((r) => ({ id: r.id, number: Number(r.number) })),
    );
  }

  async function reload(actor: Actor, id: string) {
    return view(actor, (await repo.findSiteById(db, id))!);
  }

  return {
    /** The whole register with each site's legal basis and warnings (contract: GET /api/camera-sites). */
    async list(_actor: Actor): Promise<CameraSiteListItem[]> {
      const day = today();
      return (await repo.listSites(db)).map((row) => toListItem(row, day));
    },

    /** One site in full. Throws NOT_FOUND. */
    async get(actor: Actor, id: string): Promise<CameraSiteView> {
      return view(actor, await siteOr404(id));
    },

    /** Warnings of every site that is not decommissioned, soonest first. */
    async warnings(_actor: Actor): Promise<(CameraWarning & { siteId: string; siteName: string })[]> {
      const day = today();
      return (await repo.listSites(db))
        .flatMap((row) => toListItem(row, day).warnings.map((w) => ({ ...w, siteId: row.id, siteName: row.name })))
        .sort((a, b) => a.daysLeft - b.daysLeft);
    },

    /** A coordinator proposes a site. Throws FORBIDDEN, VALIDATION (unknown codes), PERSONAL_DATA, OUTSIDE_MUNICIPALITY. */
    async propose(actor: Actor, input: CameraSiteCreate): Promise<CameraSiteView> {
      if (!canProposeSites(actor)) throw new ForbiddenError('Only coordinators propose camera sites');
      if (input.organisationCode && input.organisationCode !== actor.organisationCode && actor.role !== 'admin') {
        throw new ForbiddenError('Only admins register sites for another organisation');
      }
      await checkUser(input.responsibleUserId);
      const named = input.placeCode ? await place(input.placeCode) : undefined;
      const position = await locate(input.location ?? { lat: named!.lat, lon: named!.lon });
      const organisationId = input.organisationCode
        ? await codeToId('organisations', input.organisationCode, 'body.organisationCode')
        : actor.organisationId;
      const focusAreaId = input.focusAreaCode
        ? await codeToId('focus_areas', input.focusAreaCode, 'body.focusAreaCode')
        : null;
      const motivatingReportIds = await citedReports(actor, input.motivatingReportIds);
      const id = await db.transaction().execute(async (trx) => {
        const siteId = await repo.insertSite(trx, {
          name: input.name,
          ...position,
          position_approximate: input.location ? input.positionApproximate : (named?.approximate ?? false),
          field_of_view: input.fieldOfView ? JSON.stringify(input.fieldOfView) : null,
          place_id: named?.id ?? null,
          organisation_id: organisationId,
          camera_count: input.cameraCount,
          camera_type: input.cameraType,
          purpose: input.purpose,
          focus_area_id: focusAreaId,
          motivation: input.motivation,
          motivating_report_ids: motivatingReportIds,
          operating_hours: input.operatingHours,
          retention_days: input.retentionDays ?? null,
          signage: input.signage,
          responsible_name: input.responsibleName,
          responsible_user_id: input.responsibleUserId ?? null,
          created_by: actor.userId,
        });
        await recordAudit(trx, actor, {
          action: 'camera-site.propose',
          entityType: 'camera-site',
          entityId: siteId,
          summary: { after: { name: input.name, placeCode: input.placeCode ?? null } },
        });
        return siteId;
      });
      return reload(actor, id);
    },

    /**
     * Edits a site's fields (not its status). Throws NOT_FOUND, FORBIDDEN (also when the camera
     * responsible tries to name another), VALIDATION, PERSONAL_DATA, OUTSIDE_MUNICIPALITY.
     */
    async update(actor: Actor, id: string, input: CameraSiteUpdate): Promise<CameraSiteView> {
      const before = await managedSite(actor, id);
      if (input.responsibleUserId !== undefined && input.responsibleUserId !== before.responsible_user_id) {
        if (!canNameResponsible(actor, ownership(before)))
          throw new ForbiddenError(
            "Only admins and the owning organisation's coordinators name the camera responsible",
          );
        await checkUser(input.responsibleUserId);
      }
      const position = input.location ? await locate(input.location) : undefined;
      const focusAreaId = input.focusAreaCode
        ? await codeToId('focus_areas', input.focusAreaCode, 'body.focusAreaCode')
        : input.focusAreaCode;
      const set = {
        ...(position ?? {}),
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.positionApproximate !== undefined ? { position_approximate: input.positionApproximate } : {}),
        ...(input.fieldOfView !== undefined
          ? { field_of_view: input.fieldOfView ? JSON.stringify(input.fieldOfView) : null }
          : {}),
        ...(input.cameraCount !== undefined ? { camera_count: input.cameraCount } : {}),
        ...(input.cameraType !== undefined ? { camera_type: input.cameraType } : {}),
        ...(input.purpose !== undefined ? { purpose: input.purpose } : {}),
        ...(focusAreaId !== undefined ? { focus_area_id: focusAreaId } : {}),
        ...(input.motivation !== undefined ? { motivation: input.motivation } : {}),
        ...(input.motivatingReportIds !== undefined
          ? {
              motivating_report_ids: await citedReports(actor, input.motivatingReportIds, before.motivating_report_ids),
            }
          : {}),
        ...(input.operatingHours !== undefined ? { operating_hours: input.operatingHours } : {}),
        ...(input.retentionDays !== undefined ? { retention_days: input.retentionDays } : {}),
        ...(input.signage !== undefined ? { signage: input.signage } : {}),
        ...(input.responsibleName !== undefined ? { responsible_name: input.responsibleName } : {}),
        ...(input.responsibleUserId !== undefined ? { responsible_user_id: input.responsibleUserId } : {}),
      };
      await db.transaction().execute(async (trx) => {
        await repo.updateSite(trx, id, { ...set, updated_at: clock() });
        const { location: _location, fieldOfView: _fov, ...rest } = input;
        const beforeFields: Record<string, unknown> = {
          name: before.name,
          retentionDays: before.retention_days,
          signage: before.signage,
          operatingHours: before.operating_hours,
          cameraCount: before.camera_count,
          responsibleName: before.responsible_name,
        };
        await recordAudit(trx, actor, {
          action: 'camera-site.update',
          entityType: 'camera-site',
          entityId: id,
          summary: { ...diffSummary(beforeFields, rest), moved: Boolean(position) },
        });
      });
      return reload(actor, id);
    },

    /**
     * Records the site's legal basis (replacing the previous one; the audit log keeps the history).
     * Throws NOT_FOUND, FORBIDDEN, VALIDATION (dates), LEGAL_BASIS_INSUFFICIENT (409) when it would
     * not carry a site that is already approved or installed.
     */
    async setLegalBasis(actor: Actor, id: string, input: LegalBasisInput): Promise<CameraSiteView> {
      const site = await managedSite(actor, id);
      const reviewOn = input.kind === 'imy-permit' ? input.validUntil : input.reviewOn;
      if (reviewOn !== null && reviewOn < input.decidedOn)
        throw invalid('body.reviewOn', 'REVIEW_BEFORE_DECISION', 'The review date lies before the decision');
      if (input.decidedOn > today())
        throw invalid('body.decidedOn', 'DECIDED_IN_FUTURE', 'The decision date lies in the future');
      const facts: LegalBasisFacts =
        input.kind === 'imy-permit'
          ? { kind: input.kind, decidedOn: input.decidedOn, reviewOn }
          : {
              kind: input.kind,
              decidedOn: input.decidedOn,
              reviewOn,
              conclusion: input.balancing.conclusion,
              residualRisk: input.dpia.residualRisk,
              imyConsultedOn: input.dpia.imyConsultedOn,
            };
      const problem = NEEDS_LEGAL_BASIS.includes(site.status) ? legalBasisProblem(facts, today()) : null;
      if (problem)
        throw new ConflictError(
          'LEGAL_BASIS_INSUFFICIENT',
          `The new basis would not carry a ${site.status} site: ${problem}`,
          { problem },
        );
      await db.transaction().execute(async (trx) => {
        await repo.upsertLegalBasis(trx, {
          site_id: id,
          kind: input.kind,
          decided_on: input.decidedOn,
          review_on: reviewOn,
          reference: input.kind === 'imy-permit' ? input.reference : '',
          conditions: input.kind === 'imy-permit' ? input.conditions : '',
          balancing: input.kind === 'self-assessment' ? JSON.stringify(input.balancing) : null,
          dpia: input.kind === 'self-assessment' ? JSON.stringify(input.dpia) : null,
          recorded_by: actor.userId,
          updated_at: clock(),
        });
        await recordAudit(trx, actor, {
          action: 'camera-site.legal-basis',
          entityType: 'camera-site',
          entityId: id,
          summary: { before: basisFacts(site), after: facts },
        });
      });
      return reload(actor, id);
    },

    /**
     * Moves a site along proposed -> assessing -> approved -> installed -> decommissioned.
     * Throws NOT_FOUND, FORBIDDEN, INVALID_STATUS_TRANSITION (409), LEGAL_BASIS_REQUIRED (409:
     * approving or installing needs a legal basis in force on that day).
     */
    async changeStatus(actor: Actor, id: string, input: StatusChange): Promise<CameraSiteView> {
      const site = await managedSite(actor, id);
      if (!canMoveSite(site.status, input.status)) {
        throw new ConflictError('INVALID_STATUS_TRANSITION', `A ${site.status} site cannot become ${input.status}`, {
          from: site.status,
          to: input.status,
        });
      }
      const on = input.on ?? today();
      if (on > today()) throw invalid('body.on', 'DATE_IN_FUTURE', 'The date lies in the future');
      if (NEEDS_LEGAL_BASIS.includes(input.status)) {
        const problem = legalBasisProblem(basisFacts(site), on);
        if (problem)
          throw new ConflictError(
            'LEGAL_BASIS_REQUIRED',
            `A site cannot become ${input.status} without a legal basis in force (${problem})`,
            { problem },
          );
      }
      if (input.status === 'decommissioned' && site.installed_on && on < site.installed_on) {
        throw invalid('body.on', 'BEFORE_INSTALLATION', 'A site cannot be decommissioned before it was installed');
      }
      await db.transaction().execute(async (trx) => {
        const matched = await repo.updateSite(
          trx,
          id,
          {
            status: input.status,
            ...(input.status === 'installed' ? { installed_on: on } : {}),
            ...(input.status === 'decommissioned' ? { decommissioned_on: on } : {}),
            updated_at: clock(),
          },
          site.status,
        );
        if (!matched) throw new ConflictError('INVALID_STATUS_TRANSITION', 'The site changed meanwhile');
        await recordAudit(trx, actor, {
          action: 'camera-site.status',
          entityType: 'camera-site',
          entityId: id,
          summary: { before: { status: site.status }, after: { status: input.status, on } },
        });
      });
      return reload(actor, id);
    },

    /** The inspection and fault log, newest first. Throws NOT_FOUND. */
    async inspections(_actor: Actor, id: string): Promise<InspectionView[]> {
      await siteOr404(id);
      return (await repo.listInspections(db, id)).map(toInspectionView);
    },

    /** Logs an inspection or a fault. Throws NOT_FOUND, FORBIDDEN, NOT_INSTALLED (409), VALIDATION (future date), PERSONAL_DATA. */
    async logInspection(actor: Actor, id: string, input: InspectionCreate): Promise<InspectionView> {
      const site = await managedSite(actor, id);
      if (site.status !== 'installed')
        throw new ConflictError('NOT_INSTALLED', 'Only an installed site can be inspected or have faults');
      if (input.occurredOn > today()) throw invalid('body.occurredOn', 'DATE_IN_FUTURE', 'The date lies in the future');
      const inspectionId = await db.transaction().execute(async (trx) => {
        const newId = await repo.insertInspection(trx, {
          site_id: id,
          kind: input.kind,
          occurred_on: input.occurredOn,
          working: input.kind === 'inspection' ? input.working : null,
          masking_correct: input.kind === 'inspection' ? input.maskingCorrect : null,
          signs_present: input.kind === 'inspection' ? input.signsPresent : null,
          note: input.note,
          resolved_on: input.kind === 'fault' ? input.resolvedOn : null,
          recorded_by: actor.userId,
        });
        await recordAudit(trx, actor, {
          action: `camera-site.${input.kind}`,
          entityType: 'camera-site',
          entityId: id,
          summary: { after: input },
        });
        return newId;
      });
      return (await repo.listInspections(db, id)).map(toInspectionView).find((i) => i.id === inspectionId)!;
    },

    /**
     * Marks a fault resolved on a day not before it occurred. Throws NOT_FOUND, FORBIDDEN,
     * VALIDATION (future date), FAULT_NOT_OPEN (409: no such open fault, or resolved before it occurred).
     */
    async resolveFault(actor: Actor, id: string, entryId: string, input: FaultResolve): Promise<InspectionView> {
      await managedSite(actor, id);
      if (input.resolvedOn > today()) throw invalid('body.resolvedOn', 'DATE_IN_FUTURE', 'The date lies in the future');
      await db.transaction().execute(async (trx) => {
        if (!(await repo.resolveFault(trx, id, entryId, input.resolvedOn))) {
          throw new ConflictError(
            'FAULT_NOT_OPEN',
            'No open fault of this site with that id, or it occurred after that day',
          );
        }
        await recordAudit(trx, actor, {
          action: 'camera-site.fault-resolved',
          entityType: 'camera-site',
          entityId: id,
          summary: { after: { entryId, resolvedOn: input.resolvedOn } },
        });
      });
      return (await repo.listInspections(db, id)).map(toInspectionView).find((i) => i.id === entryId)!;
    },
  };
}

export type CameraRegisterService = ReturnType<typeof createCameraRegisterService>;
