import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { canPlanFor } from './promises.policy.ts';
import type { AgreementCreate, AgreementView, PlanCreate, PlanView } from './promises.schemas.ts';
import * as repo from './promises.repository.ts';

export function createAgreementsService({ db, clock }: { db: Kysely<DB>; clock: () => Date }) {
  async function views(rows: Awaited<ReturnType<typeof repo.listAgreementRows>>): Promise<AgreementView[]> {
    const ids = rows.map((r) => r.id);
    const [parties, focusAreas, plans] = await Promise.all([repo.partiesOf(db, ids), repo.focusAreasOf(db, ids), repo.plansOf(db, ids)]);
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      title: r.title,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      parties: parties.filter((p) => p.agreement_id === r.id).map((p) => ({ code: p.code, name: p.name, kind: p.kind })),
      focusAreas: focusAreas.filter((f) => f.agreement_id === r.id).map((f) => ({ code: f.code, name: f.name })),
      signatories: r.signatories,
      documents: r.documents,
      followUpDates: r.follow_up_dates,
      plans: plans.filter((p) => p.agreement_id === r.id).map(toPlanView),
    }));
  }

  async function partyIdsOr404(id: string) {
    const row = await repo.findAgreementRow(db, id);
    if (!row) throw new NotFoundError('Agreement');
    return { row, partyIds: (await repo.partiesOf(db, [id])).map((p) => p.id) };
  }

  return {
    /** Every agreement, newest period first, with parties, focus areas and plans. */
    async list(): Promise<AgreementView[]> {
      return views(await repo.listAgreementRows(db));
    },

    /** One agreement. Throws NOT_FOUND. */
    async get(id: string): Promise<AgreementView> {
      const row = await repo.findAgreementRow(db, id);
      if (!row) throw new NotFoundError('Agreement');
      return (await views([row]))[0]!;
    },

    /**
     * Records a new collaboration agreement. Admins, or coordinators of one of its parties. Throws
     * FORBIDDEN, VALIDATION (unknown codes), CODE_TAKEN (409).
     */
    async create(actor: Actor, input: AgreementCreate): Promise<AgreementView> {
      const [parties, focusAreas] = await Promise.all([repo.findByCodes(db, 'organisations', input.partyCodes), repo.findByCodes(db, 'focus_areas', input.focusAreaCodes)]);
      if (!canPlanFor(actor, parties.map((p) => p.id))) throw new ForbiddenError('Only coordinators of a party record its agreements');
      const problems = [
        ...input.partyCodes.filter((c) => !parties.some((p) => p.code === c)).map((c) => ({ path: 'body.partyCodes', message: `unknown organisation ${c}`, code: 'UNKNOWN_ORGANISATION' })),
        ...input.focusAreaCodes.filter((c) => !focusAreas.some((f) => f.code === c)).map((c) => ({ path: 'body.focusAreaCodes', message: `unknown focus area ${c}`, code: 'UNKNOWN_FOCUS_AREA' })),
        ...input.signatories.filter((s) => !input.partyCodes.includes(s.organisationCode)).map(() => ({ path: 'body.signatories', message: 'signatories sign for a party', code: 'NOT_A_PARTY' })),
      ];
      if (problems.length) throw new ValidationError('Invalid agreement', problems);
      if (await repo.findAgreementByCode(db, input.code)) throw new ConflictError('CODE_TAKEN', 'An agreement with this code exists');
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
        await trx.insertInto('agreement_parties').values(parties.map((p) => ({ agreement_id: row.id, organisation_id: p.id }))).execute();
        if (focusAreas.length) await trx.insertInto('agreement_focus_areas').values(focusAreas.map((f) => ({ agreement_id: row.id, focus_area_id: f.id }))).execute();
        await recordAudit(trx, actor, { action: 'agreement.create', entityType: 'agreement', entityId: row.id, summary: { after: input } });
        return row.id;
      });
      return this.get(id);
    },

    /** Adds an activity plan for a focus area and period. Throws NOT_FOUND, FORBIDDEN, VALIDATION. */
    async createPlan(actor: Actor, agreementId: string, input: PlanCreate): Promise<PlanView> {
      const { row, partyIds } = await partyIdsOr404(agreementId);
      if (!canPlanFor(actor, partyIds)) throw new ForbiddenError('Only coordinators of the agreement parties plan');
      const [focus] = await repo.findByCodes(db, 'focus_areas', [input.focusAreaCode]);
      if (!focus) throw new ValidationError('Invalid plan', [{ path: 'body.focusAreaCode', message: 'unknown focus area', code: 'UNKNOWN_FOCUS_AREA' }]);
      if (input.periodStart < row.period_start || input.periodEnd > row.period_end) {
        throw new ValidationError('Invalid plan', [{ path: 'body.periodStart', message: 'must lie within the agreement period', code: 'OUTSIDE_PERIOD' }]);
      }
      const id = await db.transaction().execute(async (trx) => {
        const plan = await trx
          .insertInto('activity_plans')
          .values({ agreement_id: agreementId, focus_area_id: focus.id, title: input.title, period_start: input.periodStart, period_end: input.periodEnd })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, { action: 'plan.create', entityType: 'activity_plan', entityId: plan.id, summary: { after: { agreementId, ...input } } });
        return plan.id;
      });
      return toPlanView((await repo.plansOf(db, [agreementId])).find((p) => p.id === id)!);
    },

    /** Sets the yearly follow-up dates ('MM-DD', at least three). Throws NOT_FOUND, FORBIDDEN, VALIDATION. */
    async setFollowUpDates(actor: Actor, agreementId: string, dates: string[]): Promise<AgreementView> {
      const { row, partyIds } = await partyIdsOr404(agreementId);
      if (!canPlanFor(actor, partyIds)) throw new ForbiddenError('Only coordinators of the agreement parties set follow-up dates');
      const invalid = dates.filter((d) => Number.isNaN(Date.parse(`2024-${d}`)));
      if (invalid.length || new Set(dates).size !== dates.length) {
        throw new ValidationError('Invalid dates', [{ path: 'body.dates', message: 'distinct calendar days like 04-30', code: 'INVALID_DATE' }]);
      }
      const sorted = [...dates].sort();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('agreements').set({ follow_up_dates: JSON.stringify(sorted), updated_at: clock() }).where('id', '=', agreementId).execute();
        await recordAudit(trx, actor, { action: 'agreement.follow-up-dates', entityType: 'agreement', entityId: agreementId, summary: { before: row.follow_up_dates, after: sorted } });
      });
      return this.get(agreementId);
    },

    /** Party organisations of an agreement (id, code, name, kind). Throws NOT_FOUND. */
    async parties(agreementId: string) {
      await partyIdsOr404(agreementId);
      return repo.partiesOf(db, [agreementId]);
    },
  };
}

function toPlanView(p: Awaited<ReturnType<typeof repo.plansOf>>[number]): PlanView {
  return { id: p.id, title: p.title, focusAreaCode: p.focus_area_code, periodStart: p.period_start, periodEnd: p.period_end };
}

export type AgreementsService = ReturnType<typeof createAgreementsService>;
