import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnprocessableError,
  ValidationError,
} from '../../platform/errors.ts';
import type {
  ApplicationDraft,
  ApplicationListItem,
  ApplicationListQuery,
  ApplicationView,
} from '../../../contracts/fund.ts';
import { sumOre } from '../../../contracts/fund-money.ts';
import { canApply, canEditApplication, canSeeApplication } from './fund.policy.ts';
import * as repo from './fund.repository.ts';
import { loadApplicationView, swedishToday } from './fund.views.ts';
import { submissionProblems } from './fund.workflow.ts';

export interface FundApplicationsServiceDeps {
  db: Kysely<DB>;
  clock: () => Date;
}

/** Applications: drafts the applicant organisation edits, and submission, which freezes them. */
export function createFundApplicationsService({ db, clock }: FundApplicationsServiceDeps) {
  /** The application if the actor may see it; NOT_FOUND otherwise, so existence does not leak. */
  async function visibleOr404(actor: Actor, id: string) {
    const row = await repo.findApplicationById(db, id);
    if (!row) throw new NotFoundError('Application');
    const reviewerIds = (await repo.listReviews(db, id)).map((r) => r.reviewer_id);
    if (!canSeeApplication(actor, { organisationId: row.organisation_id, status: row.status, reviewerIds }))
      throw new NotFoundError('Application');
    return row;
  }

  async function resolveLinks(actor: Actor, input: ApplicationDraft) {
    const reportRefs = input.links.filter((l) => l.kind === 'report').map((l) => l.ref);
    const [focus, areas, places, visibleReports] = await Promise.all([
      repo.resolveCodes(db, 'focus_areas', input.focusAreaCodes),
      repo.resolveCodes(db, 'areas', input.areaCodes),
      repo.resolveCodes(db, 'places', input.placeCodes),
      repo.visibleReportIds(db, actor, reportRefs),
    ]);
    const details = [
      ...focus.missing.map((c) => ({
        path: 'body.focusAreaCodes',
        message: `unknown focus area ${c}`,
        code: 'UNKNOWN_FOCUS_AREA',
      })),
      ...areas.missing.map((c) => ({ path: 'body.areaCodes', message: `unknown area ${c}`, code: 'UNKNOWN_AREA' })),
      ...places.missing.map((c) => ({ path: 'body.placeCodes', message: `unknown place ${c}`, code: 'UNKNOWN_PLACE' })),
      // A report that does not exist and one the applicant may not see answer alike.
      ...input.links.flatMap((l, i) =>
        l.kind === 'report' && !visibleReports.has(l.ref)
          ? [{ path: `body.links.${i}.ref`, message: `unknown report ${l.ref}`, code: 'UNKNOWN_REPORT' }]
          : [],
      ),
    ];
    if (details.length) throw new ValidationError('Unknown reference codes', details);
    if (input.periodStart && input.periodEnd && input.periodEnd < input.periodStart) {
      throw new ValidationError('Invalid period', [
        { path: 'body.periodEnd', message: 'must not be before periodStart', code: 'PERIOD_END_BEFORE_START' },
      ]);
    }
    return { focusAreaIds: focus.ids, areaIds: areas.ids, placeIds: places.ids };
  }

  /** The columns a draft sets; the requested amount is always the sum of the cost breakdown. */
  function columns(input: ApplicationDraft) {
    return {
      year: input.year,
      title: input.title,
      purpose: input.purpose,
      prevention_type: input.preventionType,
      period_start: input.periodStart,
      period_end: input.periodEnd,
      requested_ore: sumOre(input.costItems.map((c) => c.amountOre)),
      cost_items: JSON.stringify(input.costItems),
      expected_effect: input.expectedEffect,
      indicators: JSON.stringify(input.indicators),
      links: JSON.stringify(input.links),
    };
  }

  const view = async (actor: Actor, id: string) =>
    loadApplicationView(db, actor, (await repo.findApplicationById(db, id))!, clock());

  return {
    /** Saves a new draft for the actor's organisation. Throws FORBIDDEN (may not apply), VALIDATION, PERSONAL_DATA (422). */
    async createDraft(actor: Actor, input: ApplicationDraft): Promise<ApplicationView> {
      if (!canApply(actor)) throw new ForbiddenError('Only boards and municipal companies apply to the fund');
      const links = await resolveLinks(actor, input);
      const id = await db.transaction().execute(async (trx) => {
        const applicationId = await repo.insertApplication(trx, {
          ...columns(input),
          organisation_id: actor.organisationId,
          created_by: actor.userId,
        });
        await repo.replaceLinks(trx, applicationId, links);
        await recordAudit(trx, actor, {
          action: 'fund.application.create',
          entityType: 'fund_application',
          entityId: applicationId,
          summary: { after: { title: input.title } },
        });
        return applicationId;
      });
      return view(actor, id);
    },

    /** Replaces a draft's content. Throws NOT_FOUND, APPLICATION_FROZEN (409, once submitted), FORBIDDEN, VALIDATION. */
    async updateDraft(actor: Actor, id: string, input: ApplicationDraft): Promise<ApplicationView> {
      const before = await visibleOr404(actor, id);
      if (before.status !== 'draft')
        throw new ConflictError('APPLICATION_FROZEN', 'A submitted application cannot be edited');
      if (!canEditApplication(actor, { organisationId: before.organisation_id, status: before.status }))
        throw new ForbiddenError('Only the applicant organisation edits its draft');
      const links = await resolveLinks(actor, input);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.updateDraft(trx, id, { ...columns(input), updated_at: clock() }))) {
          throw new ConflictError('APPLICATION_FROZEN', 'The application was submitted meanwhile');
        }
        await repo.replaceLinks(trx, id, links);
        await recordAudit(trx, actor, {
          action: 'fund.application.update',
          entityType: 'fund_application',
          entityId: id,
          summary: { after: { title: input.title } },
        });
      });
      return view(actor, id);
    },

    /** Submits a complete draft, freezing it. Throws NOT_FOUND, APPLICATION_FROZEN (409), FORBIDDEN, APPLICATION_INCOMPLETE (422). */
    async submit(actor: Actor, id: string): Promise<ApplicationView> {
      const before = await visibleOr404(actor, id);
      if (before.status !== 'draft')
        throw new ConflictError('APPLICATION_FROZEN', 'The application has already been submitted');
      if (!canEditApplication(actor, { organisationId: before.organisation_id, status: before.status }))
        throw new ForbiddenError('Only the applicant organisation submits its application');
      const codes = await repo.findApplicationCodes(db, id);
      const problems = submissionProblems({
        title: before.title,
        purpose: before.purpose,
        focusAreaCount: codes.focusAreaCodes.length,
        periodStart: before.period_start,
        periodEnd: before.period_end,
        costItemCount: before.cost_items.length,
        requestedOre: before.requested_ore,
        expectedEffect: before.expected_effect,
        indicatorCount: before.indicators.length,
      });
      if (problems.length)
        throw new UnprocessableError('APPLICATION_INCOMPLETE', 'The application lacks required parts', { problems });
      await db.transaction().execute(async (trx) => {
        if (!(await repo.moveStatus(trx, id, ['draft'], 'submitted', clock(), { submitted_at: clock() }))) {
          throw new ConflictError('APPLICATION_FROZEN', 'The application was submitted meanwhile');
        }
        await recordAudit(trx, actor, {
          action: 'fund.application.submit',
          entityType: 'fund_application',
          entityId: id,
          summary: { after: { status: 'submitted', requestedOre: before.requested_ore } },
        });
      });
      return view(actor, id);
    },

    /** One application; NOT_FOUND when missing or hidden from the actor. */
    async get(actor: Actor, id: string): Promise<ApplicationView> {
      return loadApplicationView(db, actor, await visibleOr404(actor, id), clock());
    },

    /** Applications the actor may see (own organisation's; all submitted ones for fund managers; assigned ones for reviewers). */
    async list(actor: Actor, query: ApplicationListQuery): Promise<ApplicationListItem[]> {
      const rows = await repo.listVisibleApplications(db, actor, query, swedishToday(clock()));
      return rows.map((r) => ({
        id: r.id,
        number: r.number,
        year: r.year,
        title: r.title,
        organisationName: r.organisation_name,
        preventionType: r.prevention_type,
        status: r.status,
        requestedOre: r.requested_ore,
        grantedOre: r.outcome === 'granted' ? r.granted_ore : null,
        overdueFollowUps: Number(r.overdue ?? 0),
        updatedAt: r.updated_at.toISOString(),
      }));
    },

    visibleOr404,
  };
}

export type FundApplicationsService = ReturnType<typeof createFundApplicationsService>;
