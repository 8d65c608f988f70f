import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { seedPacksDir } from '../../db/seed/seed-pack.ts';
import type { RetentionClass } from './retention-class.ts';

const ruleSchema = z.object({
  action: z.enum(['anonymise', 'delete']),
  /** Retention period in months after the record's date (0: as soon as it expires). */
  afterMonths: z
    .number()
    .int()
    .min(0)
    .max(12 * 100),
  /** Where in the information management plan this comes from (for the archivist). */
  basis: z.string().min(1),
});

export const retentionFileSchema = z.object({
  source: z.string().min(1),
  rules: z.record(z.string(), ruleSchema),
});

export type RetentionRule = z.infer<typeof ruleSchema> & { recordClass: string };

/** The pack's `retention.json`, or no rules (nothing is ever removed) when the pack has none. */
export function loadRetentionRules(packName: string): { source: string; rules: RetentionRule[] } {
  const file = path.join(seedPacksDir, packName, 'retention.json');
  if (!existsSync(file)) return { source: '', rules: [] };
  const parsed = retentionFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  return {
    source: parsed.source,
    rules: Object.entries(parsed.rules).map(([recordClass, rule]) => ({ recordClass, ...rule })),
  };
}

/** Every rule names a registered class and one of its actions; throws listing what does not. */
export function checkRules(rules: readonly RetentionRule[], classes: readonly RetentionClass[]): void {
  const byName = new Map(classes.map((c) => [c.name, c]));
  const problems = rules.flatMap((rule) => {
    const known = byName.get(rule.recordClass);
    if (!known) return [`${rule.recordClass}: no such record class (known: ${[...byName.keys()].join(', ')})`];
    if (!known.actions.includes(rule.action)) return [`${rule.recordClass}: cannot ${rule.action}`];
    return [];
  });
  if (problems.length) throw new Error(`retention.json:\n  ${problems.join('\n  ')}`);
}

/** The instant before which records are due: `afterMonths` calendar months before now, Swedish time. */
export function cutoffFor(now: Date, afterMonths: number): Date {
  return DateTime.fromJSDate(now, { zone: 'Europe/Stockholm' }).minus({ months: afterMonths }).toJSDate();
}
