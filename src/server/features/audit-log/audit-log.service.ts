import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { requireRole } from '../../platform/access.ts';
import { listAuditEntries } from './audit-log.repository.ts';

export const auditQuerySchema = z.strictObject({
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  actorEmail: z.string().max(254).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditEntryView {
  id: number;
  at: string;
  action: string;
  entityType: string;
  entityId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  organisationName: string | null;
  summary: unknown;
}

export function createAuditLogService({ db }: { db: Kysely<DB> }) {
  return {
    /** Admins browse the audit log, newest first. Throws FORBIDDEN. */
    async browse(actor: Actor, query: AuditQuery): Promise<{ items: AuditEntryView[]; total: number }> {
      requireRole(actor, ['admin']);
      const { rows, total } = await listAuditEntries(db, query);
      return {
        total,
        items: rows.map((r) => ({
          id: Number(r.id),
          at: r.at.toISOString(),
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          actorName: r.name,
          actorEmail: r.email,
          organisationName: r.organisation_name,
          summary: r.summary,
        })),
      };
    },
  };
}

export type AuditLogService = ReturnType<typeof createAuditLogService>;
