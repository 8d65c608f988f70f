import type { Kysely } from 'kysely';
import { z } from 'zod';
import { freeText } from '../../../contracts/free-text.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { requireRole } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { RetentionClass } from '../../platform/retention/retention-class.ts';
import { checkRules, cutoffFor, type RetentionRule } from '../../platform/retention/retention-rules.ts';
import type { RetentionResult } from '../../platform/retention/retention.tables.ts';
import {
  insertLegalHold,
  insertRun,
  listActiveHeldIds,
  listActiveHolds,
  listRuns,
  releaseLegalHold,
} from './retention.repository.ts';

export const legalHoldCreateSchema = z.object({
  recordClass: z.string().regex(/^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/, 'a record class such as reports.free-text'),
  recordId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a record id (uuid or number)'),
  reason: freeText(z.string().trim().min(3).max(500)),
});
export type LegalHoldCreate = z.infer<typeof legalHoldCreateSchema>;

export interface RetentionServiceDeps {
  db: Kysely<DB>;
  clock: () => Date;
  classes: readonly RetentionClass[];
  plan: { source: string; rules: RetentionRule[] };
}

export function createRetentionService({ db, clock, classes, plan }: RetentionServiceDeps) {
  checkRules(plan.rules, classes);
  const byName = new Map(classes.map((c) => [c.name, c]));

  async function evaluate(executor: Kysely<DB>, now: Date, apply: boolean): Promise<RetentionResult[]> {
    const results: RetentionResult[] = [];
    for (const rule of plan.rules) {
      const recordClass = byName.get(rule.recordClass)!;
      const cutoff = cutoffFor(now, rule.afterMonths);
      const held = await listActiveHeldIds(executor, rule.recordClass);
      const count = apply
        ? await recordClass.apply(executor, { cutoff, held }, now)
        : await recordClass.countDue(executor, { cutoff, held });
      results.push({
        recordClass: rule.recordClass,
        action: rule.action,
        cutoff: cutoff.toISOString(),
        count,
        held: held.length,
      });
    }
    return results;
  }

  return {
    /** The archivist's dry run: what a run now would anonymise or delete, per class, with the plan. Admin only: FORBIDDEN. */
    async report(actor: Actor) {
      requireRole(actor, ['admin']);
      const now = clock();
      const results = await evaluate(db, now, false);
      return {
        at: now.toISOString(),
        source: plan.source,
        rules: plan.rules.map((rule) => ({
          ...rule,
          description: byName.get(rule.recordClass)!.description,
          ...results.find((r) => r.recordClass === rule.recordClass)!,
        })),
        classesWithoutRule: classes.filter((c) => !plan.rules.some((r) => r.recordClass === c.name)).map((c) => c.name),
      };
    },

    /** Applies every rule in one transaction, logs the run with its counts and audits it (the scheduled job). */
    async run(): Promise<{ runId: string; results: RetentionResult[] }> {
      const startedAt = clock();
      return db.transaction().execute(async (trx) => {
        const results = await evaluate(trx, startedAt, true);
        const { id } = await insertRun(trx, { startedAt, finishedAt: clock(), results });
        await recordAudit(trx, null, {
          action: 'retention.run',
          entityType: 'retention_run',
          entityId: id,
          summary: { results },
        });
        return { runId: id, results };
      });
    },

    /** The latest runs with their counts. Admin only: FORBIDDEN. */
    async runs(actor: Actor) {
      requireRole(actor, ['admin']);
      return (await listRuns(db, 50)).map((run) => ({
        id: run.id,
        startedAt: run.started_at.toISOString(),
        finishedAt: run.finished_at.toISOString(),
        results: run.results,
      }));
    },

    async holds(actor: Actor) {
      requireRole(actor, ['admin']);
      return (await listActiveHolds(db)).map(toHoldView);
    },

    /** Places a legal hold: retention leaves the record alone until released. FORBIDDEN, VALIDATION (unknown class), LEGAL_HOLD_EXISTS. */
    async placeHold(actor: Actor, input: LegalHoldCreate) {
      requireRole(actor, ['admin']);
      if (!byName.has(input.recordClass)) {
        throw new ValidationError('Unknown record class', [
          { path: 'recordClass', message: `one of ${[...byName.keys()].join(', ')}`, code: 'invalid_value' },
        ]);
      }
      return db.transaction().execute(async (trx) => {
        const hold = await insertLegalHold(trx, { ...input, placedBy: actor.userId, placedAt: clock() });
        if (!hold) throw new ConflictError('LEGAL_HOLD_EXISTS', 'The record already has an active legal hold');
        await recordAudit(trx, actor, {
          action: 'legal_hold.place',
          entityType: 'legal_hold',
          entityId: hold.id,
          summary: { recordClass: input.recordClass, recordId: input.recordId, reason: input.reason },
        });
        return toHoldView(hold);
      });
    },

    /** Releases an active hold. FORBIDDEN, NOT_FOUND. */
    async releaseHold(actor: Actor, id: string) {
      requireRole(actor, ['admin']);
      return db.transaction().execute(async (trx) => {
        const hold = await releaseLegalHold(trx, id, actor.userId, clock());
        if (!hold) throw new NotFoundError('Legal hold');
        await recordAudit(trx, actor, { action: 'legal_hold.release', entityType: 'legal_hold', entityId: id });
        return toHoldView(hold);
      });
    },
  };
}

function toHoldView(hold: {
  id: string;
  record_class: string;
  record_id: string;
  reason: string;
  placed_at: Date;
  released_at: Date | null;
}) {
  return {
    id: hold.id,
    recordClass: hold.record_class,
    recordId: hold.record_id,
    reason: hold.reason,
    placedAt: hold.placed_at.toISOString(),
    releasedAt: hold.released_at?.toISOString() ?? null,
  };
}

export type RetentionService = ReturnType<typeof createRetentionService>;
