import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { diffSummary, recordAudit } from '../../platform/audit.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import * as followUpsRepo from './follow-ups/follow-ups.repository.ts';
import {
  definedOf,
  periodOrderProblems,
  unknownCodes,
  withinProblems,
  type FieldProblem,
} from './planning/planning-rules.ts';
import { canPlanFor, keepsPlanningRight } from './promises.policy.ts';
import type {
  AgreementCreate,
  AgreementUpdate,
  AgreementView,
  PlanCreate,
  PlanUpdate,
  PlanView,
} from '../../../contracts/promises.ts';
import * as repo from './promises.repository.ts';
import type { AgreementDocument, Signatory } from './promises.tables.ts';

/**
 * Signatories and documents with their keys in one order. jsonb stores object keys in an order of
 * its own, so without this a stored list and the same list sent back would compare as different.
 */
const signatoriesOf = (list: readonly Signatory[]) =>
  list.map((s) => ({ organisationCode: s.organisationCode, title: s.title }));
const documentsOf = (list: readonly AgreementDocument[]) => list.map((d) => ({ title: d.title, url: d.url }));

export function createAgreementsService({ db, clock }: { db: Kysely<DB>; clock: () => Date }) {
  async function views(
    actor: Actor,
    rows: Awaited<ReturnType<typeof repo.listAgreementRows>>,
  ): Promise<AgreementView[]> {
    const ids = rows.map((r) => r.id);
    const [parties, focusAreas, plans] = await Promise.all([
      repo.partiesOf(db, ids),
      repo.focusAreasOf(db, ids),
      repo.plansOf(db, ids),
    ]);
    return rows.map((r) => {
      const mine = parties.filter((p) => p.agreement_id === r.id);
      return {
        id: r.id,
        code: r.code,
        title: r.title,
        periodStart: r.period_start,
        periodEnd: r.period_end,
        parties: mine.map((p) => ({ code: p.code, name: p.name, kind: p.kind })),
        focusAreas: focusAreas.filter((f) => f.agreement_id === r.id).map((f) => ({ code: f.code, name: f.name })),
        signatories: signatoriesOf(r.signatories),
        documents: documentsOf(r.documents),
        followUpDates: r.follow_up_dates,
        plans: plans.filter((p) => p.agreement_id === r.id).map(toPlanView),
        canEdit: canPlanFor(
          actor,
          mine.map((p) => p.id),
        ),
      };
    });
  }

  async function partyIdsOr404(id: string) {
    const row = await repo.findAgreementRow(db, id);
    if (!row) throw new NotFoundError('Agreement');
    return { row, partyIds: (await repo.partiesOf(db, [id])).map((p) => p.id) };
  }

  return {
    /** Every agreement, newest period first, with parties, focus areas, plans and whether the actor may edit it. */
    async list(actor: Actor): Promise<AgreementView[]> {
      return views(actor, await repo.listAgreementRows(db));
    },

    /** One agreement. Throws NOT_FOUND. */
    async get(actor: Actor, id: string): Promise<AgreementView> {
      const row = await repo.findAgreementRow(db, id);
      if (!row) throw new NotFoundError('Agreement');
      return (await views(actor, [row]))[0]!;
    },

    /**
     * Records a new collaboration agreement. Admins, or coordinators of one of its parties. Throws
     * FORBIDDEN, VALIDATION (unknown codes, PERIOD_END_BEFORE_START, PERSONAL_DATA), CODE_TAKEN (409).
     */
    async create(actor: Actor, input: AgreementCreate): Promise<AgreementView> {
      const [parties, focusAreas] = await Promise.all([
        repo.findByCodes(db, 'organisations', input.partyCodes),
        repo.findByCodes(db, 'focus_areas', input.focusAreaCodes),
      ]);
      if (
        !canPlanFor(
          actor,
          parties.map((p) => p.id),
        )
      )
        throw new ForbiddenError('Only coordinators of a party record its agreements');
      const problems = [
        ...unknownCodes(input.partyCodes, parties, 'body.partyCodes', 'UNKNOWN_ORGANISATION', 'organisation'),
        ...unknownCodes(input.focusAreaCodes, focusAreas, 'body.focusAreaCodes', 'UNKNOWN_FOCUS_AREA', 'focus area'),
        ...signatoryProblems(input.signatories, input.partyCodes),
        ...periodOrderProblems({ start: input.periodStart, end: input.periodEnd }),
      ];
      if (problems.length) throw new ValidationError('Invalid agreement', problems);
      if (await repo.findAgreementByCode(db, input.code))
        throw new ConflictError('CODE_TAKEN', 'An agreement with this code exists');
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('agreements')
          .values({
            code: input.code,
            title: input.title,
            period_start: input.periodStart,
            period_end: input.periodEnd,
            signatories: JSON.stringify(input.signatories),
            documents: JSON.stringify(input.documents),
            follow_up_dates: JSON.stringify([...new Set(input.followUpDates)].sort()),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('agreement_parties')
          .values(parties.map((p) => ({ agreement_id: row.id, organisation_id: p.id })))
          .execute();
        if (focusAreas.length)
          await trx
            .insertInto('agreement_focus_areas')
            .values(focusAreas.map((f) => ({ agreement_id: row.id, focus_area_id: f.id })))
            .execute();
        await recordAudit(trx, actor, {
          action: 'agreement.create',
          entityType: 'agreement',
          entityId: row.id,
          summary: { after: input },
        });
        return row.id;
      });
      return this.get(actor, id);
    },

    /**
     * Changes an agreement's title, period, parties, focus areas, signatories or documents; only
     * the fields sent. One audit entry with what changed, none when nothing did. Throws NOT_FOUND,
     * FORBIDDEN, VALIDATION (unknown codes, PERIOD_END_BEFORE_START, NOT_A_PARTY, MUST_REMAIN_PARTY,
     * PERSONAL_DATA), PERIOD_EXCLUDES_CONTENT (409: a shorter period would leave plans, commitments
     * or follow-ups outside it; they are changed first, so nothing is cut silently).
     */
    async update(actor: Actor, id: string, input: AgreementUpdate): Promise<AgreementView> {
      const [parties, focusAreas] = await Promise.all([
        input.partyCodes ? repo.findByCodes(db, 'organisations', input.partyCodes) : undefined,
        input.focusAreaCodes ? repo.findByCodes(db, 'focus_areas', input.focusAreaCodes) : undefined,
      ]);
      await db.transaction().execute(async (trx) => {
        // Plans and commitments lock the agreement too when they change their periods, so the checks below see them.
        if (!(await repo.lockAgreement(trx, id))) throw new NotFoundError('Agreement');
        const [row, currentParties, currentFocusAreas] = await Promise.all([
          repo.findAgreementRow(trx, id),
          repo.partiesOf(trx, [id]),
          repo.focusAreasOf(trx, [id]),
        ]);
        if (!row) throw new NotFoundError('Agreement');
        if (
          !canPlanFor(
            actor,
            currentParties.map((p) => p.id),
          )
        )
          throw new ForbiddenError('Only coordinators of the agreement parties change it');
        const before = {
          title: row.title,
          periodStart: row.period_start,
          periodEnd: row.period_end,
          partyCodes: currentParties.map((p) => p.code).sort(),
          focusAreaCodes: currentFocusAreas.map((f) => f.code).sort(),
          signatories: signatoriesOf(row.signatories),
          documents: documentsOf(row.documents),
        };
        const after = {
          ...before,
          ...definedOf(input),
          ...(input.partyCodes ? { partyCodes: [...new Set(input.partyCodes)].sort() } : {}),
          ...(input.focusAreaCodes ? { focusAreaCodes: [...new Set(input.focusAreaCodes)].sort() } : {}),
        };
        const problems = [
          ...unknownCodes(input.partyCodes, parties ?? [], 'body.partyCodes', 'UNKNOWN_ORGANISATION', 'organisation'),
          ...unknownCodes(
            input.focusAreaCodes,
            focusAreas ?? [],
            'body.focusAreaCodes',
            'UNKNOWN_FOCUS_AREA',
            'focus area',
          ),
          ...(parties &&
          !keepsPlanningRight(
            actor,
            parties.map((p) => p.id),
          )
            ? [{ path: 'body.partyCodes', message: 'your organisation must remain a party', code: 'MUST_REMAIN_PARTY' }]
            : []),
          ...signatoryProblems(after.signatories, after.partyCodes),
          ...periodOrderProblems({ start: after.periodStart, end: after.periodEnd }),
        ];
        if (problems.length) throw new ValidationError('Invalid agreement', problems);

        const change = diffSummary(before as Record<string, unknown>, after);
        if (Object.keys(change.after).length === 0) return;
        if (after.periodStart !== before.periodStart || after.periodEnd !== before.periodEnd) {
          const [plans, commitments, followUps] = await Promise.all([
            repo.plansOutside(trx, id, after.periodStart, after.periodEnd),
            repo.commitmentsOutside(trx, id, after.periodStart, after.periodEnd),
            followUpsRepo.listOutside(trx, id, after.periodStart, after.periodEnd),
          ]);
          if (plans.length || commitments.length || followUps.length) {
            throw new ConflictError(
              'PERIOD_EXCLUDES_CONTENT',
              'Plans, commitments or follow-ups lie outside the new period; change them first',
              {
                plans: plans.map((p) => ({
                  id: p.id,
                  title: p.title,
                  periodStart: p.period_start,
                  periodEnd: p.period_end,
                })),
                commitments: commitments.map((c) => ({
                  id: c.id,
                  code: c.code,
                  title: c.title,
                  periodStart: c.period_start,
                  periodEnd: c.period_end,
                })),
                followUps: followUps.map((f) => ({ id: f.id, title: f.title, asOf: f.as_of, status: f.status })),
              },
            );
          }
        }
        await repo.updateAgreement(trx, id, {
          title: after.title,
          period_start: after.periodStart,
          period_end: after.periodEnd,
          signatories: JSON.stringify(after.signatories),
          documents: JSON.stringify(after.documents),
          updated_at: clock(),
        });
        if (parties && 'partyCodes' in change.after)
          await repo.replaceAgreementParties(
            trx,
            id,
            parties.map((p) => p.id),
          );
        if (focusAreas && 'focusAreaCodes' in change.after)
          await repo.replaceAgreementFocusAreas(
            trx,
            id,
            focusAreas.map((f) => f.id),
          );
        await recordAudit(trx, actor, {
          action: 'agreement.update',
          entityType: 'agreement',
          entityId: id,
          summary: change,
        });
      });
      return this.get(actor, id);
    },

    /** Adds an activity plan for a focus area and period. Throws NOT_FOUND, FORBIDDEN, VALIDATION (incl. PERSONAL_DATA). */
    async createPlan(actor: Actor, agreementId: string, input: PlanCreate): Promise<PlanView> {
      const { row, partyIds } = await partyIdsOr404(agreementId);
      if (!canPlanFor(actor, partyIds)) throw new ForbiddenError('Only coordinators of the agreement parties plan');
      const [focus] = await repo.findByCodes(db, 'focus_areas', [input.focusAreaCode]);
      const problems = planProblems(input, Boolean(focus), row);
      if (problems.length) throw new ValidationError('Invalid plan', problems);
      const id = await db.transaction().execute(async (trx) => {
        const plan = await trx
          .insertInto('activity_plans')
          .values({
            agreement_id: agreementId,
            focus_area_id: focus!.id,
            title: input.title,
            period_start: input.periodStart,
            period_end: input.periodEnd,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'plan.create',
          entityType: 'activity_plan',
          entityId: plan.id,
          summary: { after: { agreementId, ...input } },
        });
        return plan.id;
      });
      return toPlanView((await repo.plansOf(db, [agreementId])).find((p) => p.id === id)!);
    },

    /**
     * Changes a plan's title, focus area or period (within the agreement's); only the fields sent.
     * Its commitments keep their own periods and focus areas, so no progress changes. Throws
     * NOT_FOUND (agreement, or a plan not of it), FORBIDDEN, VALIDATION (incl. PERSONAL_DATA).
     */
    async updatePlan(actor: Actor, agreementId: string, planId: string, input: PlanUpdate): Promise<PlanView> {
      const focus = input.focusAreaCode
        ? (await repo.findByCodes(db, 'focus_areas', [input.focusAreaCode]))[0]
        : undefined;
      await db.transaction().execute(async (trx) => {
        // The agreement's lock: its period cannot change between the check below and the update.
        if (!(await repo.lockAgreement(trx, agreementId))) throw new NotFoundError('Agreement');
        const [agreement, parties, plan] = await Promise.all([
          repo.findAgreementRow(trx, agreementId),
          repo.partiesOf(trx, [agreementId]),
          repo.findPlanRow(trx, planId),
        ]);
        if (!agreement || !plan || plan.agreement_id !== agreementId) throw new NotFoundError('Plan');
        if (
          !canPlanFor(
            actor,
            parties.map((p) => p.id),
          )
        )
          throw new ForbiddenError('Only coordinators of the agreement parties plan');
        const before = {
          title: plan.title,
          focusAreaCode: plan.focus_area_code,
          periodStart: plan.period_start,
          periodEnd: plan.period_end,
        };
        const after = { ...before, ...definedOf(input) };
        const problems = planProblems(after, !input.focusAreaCode || Boolean(focus), agreement);
        if (problems.length) throw new ValidationError('Invalid plan', problems);
        const change = diffSummary(before as Record<string, unknown>, after);
        if (Object.keys(change.after).length === 0) return;
        await repo.updatePlan(trx, planId, {
          title: after.title,
          period_start: after.periodStart,
          period_end: after.periodEnd,
          ...(focus ? { focus_area_id: focus.id } : {}),
        });
        await recordAudit(trx, actor, {
          action: 'plan.update',
          entityType: 'activity_plan',
          entityId: planId,
          summary: { agreementId, ...change },
        });
      });
      return toPlanView((await repo.findPlanRow(db, planId))!);
    },

    /** Sets the yearly follow-up dates ('MM-DD', at least three). Throws NOT_FOUND, FORBIDDEN, VALIDATION. */
    async setFollowUpDates(actor: Actor, agreementId: string, dates: string[]): Promise<AgreementView> {
      const { row, partyIds } = await partyIdsOr404(agreementId);
      if (!canPlanFor(actor, partyIds))
        throw new ForbiddenError('Only coordinators of the agreement parties set follow-up dates');
      const invalid = dates.filter((d) => Number.isNaN(Date.parse(`2024-${d}`)));
      if (invalid.length || new Set(dates).size !== dates.length) {
        throw new ValidationError('Invalid dates', [
          { path: 'body.dates', message: 'distinct calendar days like 04-30', code: 'INVALID_DATE' },
        ]);
      }
      const sorted = [...dates].sort();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('agreements')
          .set({ follow_up_dates: JSON.stringify(sorted), updated_at: clock() })
          .where('id', '=', agreementId)
          .execute();
        await recordAudit(trx, actor, {
          action: 'agreement.follow-up-dates',
          entityType: 'agreement',
          entityId: agreementId,
          summary: { before: row.follow_up_dates, after: sorted },
        });
      });
      return this.get(actor, agreementId);
    },

    /** Party organisations of an agreement (id, code, name, kind). Throws NOT_FOUND. */
    async parties(agreementId: string) {
      await partyIdsOr404(agreementId);
      return repo.partiesOf(db, [agreementId]);
    },
  };
}

function signatoryProblems(
  signatories: readonly { organisationCode: string }[],
  partyCodes: readonly string[],
): FieldProblem[] {
  return signatories.some((s) => !partyCodes.includes(s.organisationCode))
    ? [{ path: 'body.signatories', message: 'signatories sign for a party', code: 'NOT_A_PARTY' }]
    : [];
}

function planProblems(
  plan: { title: string; periodStart: string; periodEnd: string },
  focusKnown: boolean,
  agreement: { period_start: string; period_end: string },
): FieldProblem[] {
  const order = periodOrderProblems({ start: plan.periodStart, end: plan.periodEnd });
  return [
    ...(focusKnown ? [] : [{ path: 'body.focusAreaCode', message: 'unknown focus area', code: 'UNKNOWN_FOCUS_AREA' }]),
    ...order,
    ...(order.length
      ? []
      : withinProblems(
          { start: plan.periodStart, end: plan.periodEnd },
          { start: agreement.period_start, end: agreement.period_end },
        )),
  ];
}

function toPlanView(p: {
  id: string;
  title: string;
  focus_area_code: string;
  period_start: string;
  period_end: string;
}): PlanView {
  return {
    id: p.id,
    title: p.title,
    focusAreaCode: p.focus_area_code,
    periodStart: p.period_start,
    periodEnd: p.period_end,
  };
}

export type AgreementsService = ReturnType<typeof createAgreementsService>;
