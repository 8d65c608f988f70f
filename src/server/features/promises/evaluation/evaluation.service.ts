import { DateTime } from 'luxon';
import type { Kysely } from 'kysely';
import { ZONE } from '../../../../contracts/iso-week.ts';
import type { DB } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../platform/errors.ts';
import { loadCommitments } from '../commitment-loader.ts';
import { verdictOf } from '../progress/progress.ts';
import { canPlanFor } from '../promises.policy.ts';
import type { EvaluationView } from '../../../../contracts/promises.ts';
import * as promisesRepo from '../promises.repository.ts';
import { renderEvaluationPdf } from './evaluation-pdf.ts';
import * as repo from './evaluation.repository.ts';

export const NOT_CAUSAL_CAVEAT =
  'Antalet rapporter i Samtrygg beror också på hur många som rapporterar, var och när man är ute och på andra förändringar i området. ' +
  'Jämförelsen visar vad som hände samtidigt, inte vad löftena orsakade: den är ingen skattning av löftenas effekt på trygghet eller brottslighet.';

const startOf = (date: string) => DateTime.fromISO(date, { zone: ZONE }).startOf('day');

export function createEvaluationService({ db, clock }: { db: Kysely<DB>; clock: () => Date }) {
  return {
    /**
     * The year's evaluation: a verdict per commitment from the numbers (as of the year's end, or
     * now while it runs), the parties' assessments, and report counts for the targeted areas in
     * the year before and during. Throws NOT_FOUND, VALIDATION (year outside the agreement).
     */
    async evaluate(actor: Actor, agreementId: string, year: number): Promise<EvaluationView> {
      const agreement = await promisesRepo.findAgreementRow(db, agreementId);
      if (!agreement) throw new NotFoundError('Agreement');
      const periodStart = `${year}-01-01`;
      const periodEnd = `${year}-12-31`;
      if (periodEnd < agreement.period_start || periodStart > agreement.period_end) {
        throw new ValidationError('Year outside the agreement', [
          { path: 'query.year', message: 'outside the agreement period', code: 'OUTSIDE_PERIOD' },
        ]);
      }
      const yearEnd = startOf(periodEnd).endOf('day').toJSDate();
      const asOf = clock() < yearEnd ? clock() : yearEnd;
      const commitments = await loadCommitments(db, { agreementId, year }, { asOf });
      const assessments = await repo.assessmentsOf(
        db,
        commitments.map((c) => c.row.id),
      );

      const places = commitments.flatMap((c) => c.places);
      const areaIds = [...new Set(places.map((p) => p.area_id).filter((a): a is string => a !== null))];
      const during = { from: startOf(periodStart).toJSDate(), to: startOf(periodEnd).plus({ days: 1 }).toJSDate() };
      const before = { from: startOf(periodStart).minus({ years: 1 }).toJSDate(), to: during.from };
      const [areas, countsBefore, countsDuring] = await Promise.all([
        repo.areasByIds(db, areaIds),
        repo.countReportsByArea(db, actor, areaIds, before.from, before.to),
        repo.countReportsByArea(db, actor, areaIds, during.from, during.to < asOf ? during.to : asOf),
      ]);

      return {
        agreementId,
        agreementTitle: agreement.title,
        year,
        periodStart,
        periodEnd,
        asOf: DateTime.fromJSDate(asOf, { zone: ZONE }).toISODate()!,
        items: commitments.map((c) => ({
          commitmentId: c.row.id,
          title: c.row.title,
          isPromise: c.row.is_promise,
          focusAreaName: c.row.focus_area_name,
          progress: c.progress,
          verdict: verdictOf(c.progress),
          assessments: assessments
            .filter((a) => a.commitment_id === c.row.id)
            .map((a) => ({ organisationCode: a.code, organisationName: a.name, assessment: a.assessment })),
        })),
        context: {
          beforeFrom: `${year - 1}-01-01`,
          beforeTo: `${year - 1}-12-31`,
          indicators: areas.map((a) => ({
            areaCode: a.code,
            areaName: a.name,
            placeNames: [...new Set(places.filter((p) => p.area_id === a.id).map((p) => p.name))],
            before: countsBefore.get(a.id) ?? 0,
            during: countsDuring.get(a.id) ?? 0,
          })),
          caveat: NOT_CAUSAL_CAVEAT,
        },
      };
    },

    /** The evaluation as a PDF. Throws like `evaluate`. */
    async pdf(actor: Actor, agreementId: string, year: number): Promise<Buffer> {
      return renderEvaluationPdf(await this.evaluate(actor, agreementId, year));
    },

    /**
     * Sets the actor's organisation's assessment of a commitment. Throws NOT_FOUND, FORBIDDEN
     * (not a coordinator of a party).
     */
    async assess(actor: Actor, commitmentId: string, assessment: string): Promise<{ ok: true }> {
      const [commitment] = await promisesRepo.listCommitmentRows(db, { ids: [commitmentId] });
      if (!commitment) throw new NotFoundError('Commitment');
      const partyIds = (await promisesRepo.partiesOf(db, [commitment.agreement_id])).map((p) => p.id);
      if (!canPlanFor(actor, partyIds) || !partyIds.includes(actor.organisationId)) {
        throw new ForbiddenError('Only coordinators of the agreement parties assess commitments');
      }
      await db.transaction().execute(async (trx) => {
        await repo.upsertAssessment(trx, {
          commitmentId,
          organisationId: actor.organisationId,
          assessment,
          userId: actor.userId,
          at: clock(),
        });
        await recordAudit(trx, actor, {
          action: 'commitment.assess',
          entityType: 'commitment',
          entityId: commitmentId,
          summary: { after: { assessment } },
        });
      });
      return { ok: true };
    },
  };
}

export type EvaluationService = ReturnType<typeof createEvaluationService>;
