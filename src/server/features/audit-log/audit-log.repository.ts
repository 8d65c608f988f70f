import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AuditQuery } from './audit-log.service.ts';

/** Escapes LIKE's wildcards (PostgreSQL's default escape character is the backslash). */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One page of audit entries matching the query, newest first, with the total count. */
export async function listAuditEntries(db: Kysely<DB>, query: AuditQuery) {
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
  return { rows, total: Number(count.n) };
}
