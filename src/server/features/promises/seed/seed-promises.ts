import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { codeSchema } from '../../../../contracts/common.ts';
import type { DB } from '../../../db/schema.ts';
import { seedPacksDir } from '../../../db/seed/seed-pack.ts';
import { recordAudit } from '../../../platform/audit.ts';

const dateSchema = z.iso.date();
const targetSchema = z.object({
  kind: z.enum(['count', 'recurring', 'per-term', 'deliverable']),
  count: z.number().int().min(1),
});

const promisesPackSchema = z.object({
  agreement: z.object({
    code: codeSchema,
    title: z.string().min(1),
    periodStart: dateSchema,
    periodEnd: dateSchema,
    parties: z.array(codeSchema).min(1),
    focusAreas: z.array(codeSchema),
    signatories: z.array(z.object({ organisationCode: codeSchema, title: z.string().min(1) })),
    documents: z.array(z.object({ title: z.string().min(1), url: z.url() })),
    followUpDates: z.array(z.string().regex(/^\d{2}-\d{2}$/)).min(3),
  }),
  years: z.array(z.number().int().min(2000).max(2100)).min(1),
  plans: z.array(z.object({ focusAreaCode: codeSchema, title: z.string().min(1) })),
  commitments: z.array(
    z.object({
      key: codeSchema,
      promise: z.boolean(),
      focusAreaCode: codeSchema,
      title: z.string().min(1),
      description: z.string(),
      owners: z.array(codeSchema).min(1),
      activityLabel: z.string().min(1),
      target: targetSchema,
      places: z.array(codeSchema).optional(),
    }),
  ),
});
export type PromisesPack = z.infer<typeof promisesPackSchema>;

/** Reads `seed-packs/<pack>/promises.json`; undefined when the pack has none. Throws naming the first problems. */
export function loadPromisesPack(pack: string, dir = seedPacksDir): PromisesPack | undefined {
  const file = path.join(dir, pack, 'promises.json');
  if (!existsSync(file)) return undefined;
  const result = promisesPackSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    const issues = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Seed pack ${pack}: promises.json is invalid:\n  ${issues.join('\n  ')}`);
  }
  return result.data;
}

/**
 * Seeds the pack's agreement, its activity plans and commitments once: when the agreement's
 * code is not in the database yet, so later starts leave edits alone. Returns whether it seeded.
 */
export async function seedPromises(db: Kysely<DB>, pack: string): Promise<boolean> {
  const data = loadPromisesPack(pack);
  if (!data) return false;
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('agreements')
      .select('id')
      .where('code', '=', data.agreement.code)
      .executeTakeFirst();
    if (existing) return false;

    const lookup = async (table: 'organisations' | 'focus_areas' | 'places', codes: string[]) => {
      const rows = codes.length
        ? await trx.selectFrom(table).select(['id', 'code']).where('code', 'in', codes).execute()
        : [];
      const map = new Map(rows.map((r) => [r.code, r.id]));
      const missing = codes.filter((c) => !map.has(c));
      if (missing.length)
        throw new Error(`Seed pack ${pack}: promises.json names unknown ${table}: ${missing.join(', ')}`);
      return map;
    };
    const a = data.agreement;
    const organisations = await lookup('organisations', [
      ...new Set([...a.parties, ...data.commitments.flatMap((c) => c.owners)]),
    ]);
    const focusAreas = await lookup('focus_areas', [
      ...new Set([
        ...a.focusAreas,
        ...data.plans.map((p) => p.focusAreaCode),
        ...data.commitments.map((c) => c.focusAreaCode),
      ]),
    ]);
    const places = await lookup('places', [...new Set(data.commitments.flatMap((c) => c.places ?? []))]);

    const agreement = await trx
      .insertInto('agreements')
      .values({
        code: a.code,
        title: a.title,
        period_start: a.periodStart,
        period_end: a.periodEnd,
        signatories: JSON.stringify(a.signatories),
        documents: JSON.stringify(a.documents),
        follow_up_dates: JSON.stringify(a.followUpDates),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('agreement_parties')
      .values(a.parties.map((code) => ({ agreement_id: agreement.id, organisation_id: organisations.get(code)! })))
      .execute();
    if (a.focusAreas.length) {
      await trx
        .insertInto('agreement_focus_areas')
        .values(a.focusAreas.map((code) => ({ agreement_id: agreement.id, focus_area_id: focusAreas.get(code)! })))
        .execute();
    }

    let commitments = 0;
    for (const year of data.years) {
      const period = { period_start: `${year}-01-01`, period_end: `${year}-12-31` };
      const planIds = new Map<string, string>();
      for (const plan of data.plans) {
        const row = await trx
          .insertInto('activity_plans')
          .values({
            agreement_id: agreement.id,
            focus_area_id: focusAreas.get(plan.focusAreaCode)!,
            title: `${plan.title} ${year}`,
            ...period,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        planIds.set(plan.focusAreaCode, row.id);
      }
      for (const c of data.commitments) {
        const row = await trx
          .insertInto('commitments')
          .values({
            code: `${year}-${c.key}`,
            agreement_id: agreement.id,
            plan_id: planIds.get(c.focusAreaCode) ?? null,
            focus_area_id: focusAreas.get(c.focusAreaCode)!,
            is_promise: c.promise,
            title: c.title,
            description: c.description,
            activity_label: c.activityLabel,
            target_kind: c.target.kind,
            target_count: c.target.count,
            ...period,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('commitment_owners')
          .values(c.owners.map((code) => ({ commitment_id: row.id, organisation_id: organisations.get(code)! })))
          .execute();
        if (c.places?.length) {
          await trx
            .insertInto('commitment_places')
            .values(
              c.places.map((code) => ({
                commitment_id: row.id,
                place_id: places.get(code)!,
                active_from: null,
                active_to: null,
              })),
            )
            .execute();
        }
        commitments += 1;
      }
    }
    await recordAudit(trx, null, {
      action: 'agreement.seed',
      entityType: 'agreement',
      entityId: agreement.id,
      summary: { pack, commitments },
    });
    return true;
  });
}
