import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { requireRole } from '../../platform/access.ts';

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

/** Escapes LIKE's wildcards (PostgreSQL's default escape character is the backslash). */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function createAuditLogService({ db }: { db: Kysely<DB> }) {
  return {
    /** Admins browse the audit log, newest first. Throws FORBIDDEN. */
    async browse(actor: Actor, query: AuditQuery): Promise<{ items: AuditEntryView[]; total: number }> {
      requireRole(actor, ['admin']);
      let q = db
        .selectFrom('audit_log as l')
        .leftJoin('users as u', 'u.id', 'l.actor_user_id')
        .leftJoin('organisations as o', 'o.id', 'l.actor_organisation_id');
      if (query.entityType) q = q.where('l.entity_type', '=', query.entityType);
      if (query.entityId) q = q.where('l.entity_id', '=', query.entityId);
      // A prefix match on the action name; `%`, `_` and `\` in the query are literal characters.
      if (query.action) q = q.where('l.action', 'like', `${escapeLike(query.action)}%`);
      if (query.actorEmail) q = q.where((eb) => eb(eb.fn('lower', ['u.email']), '=', query.actorEmail!.toLowerCase()));
      const [rows, count] = await Promise.all([
        q
          .select([
            'l.id',
            'l.at',
            'l.action',
            'l.entity_type',
            'l.entity_id',
            'l.summary',
            'u.name',
            'u.email',
            'o.name as organisation_name',
          ])
          .orderBy('l.at', 'desc')
          .orderBy('l.id', 'desc')
          .limit(query.limit)
          .offset(query.offset)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        total: Number(count.n),
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
