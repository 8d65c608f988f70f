import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from './actor.ts';

export interface AuditEntry {
  /** Verb in dotted form, e.g. `report.create`, `user.lock`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  /** What changed: `{before, after}` summaries or other context; never passwords or tokens. */
  summary?: Record<string, unknown>;
}

/**
 * Records an audit entry. Call it with the same transaction as the change so that the
 * change and its audit entry commit or roll back together.
 */
export async function recordAudit(executor: Kysely<DB>, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await executor
    .insertInto('audit_log')
    .values({
      actor_user_id: actor?.userId ?? null,
      actor_organisation_id: actor?.organisationId ?? null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      summary: JSON.stringify(entry.summary ?? {}),
    })
    .execute();
}

/** Only the fields that differ, for a compact `{before, after}` summary. */
export function diffSummary<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changedBefore[key] = before[key];
      changedAfter[key] = after[key];
    }
  }
  return { before: changedBefore, after: changedAfter };
}
