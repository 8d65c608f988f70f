import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';

export async function insertSession(
  db: Kysely<DB>,
  session: { id: string; userId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
    })
    .execute();
}

export interface LiveSession {
  actor: Actor;
  csrfToken: string;
  expiresAt: Date;
}

/** The session with its user and organisation, when it exists, has not expired and the user is active. */
export async function findLiveSession(db: Kysely<DB>, id: string, now: Date): Promise<LiveSession | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      's.csrf_token',
      's.expires_at',
      'u.id as user_id',
      'u.email',
      'u.name',
      'u.role',
      'o.id as organisation_id',
      'o.code as organisation_code',
      'o.kind as organisation_kind',
    ])
    .where('s.id', '=', id)
    .where('s.expires_at', '>', now)
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    actor: {
      userId: row.user_id,
      email: row.email,
      name: row.name,
      role: row.role,
      organisationId: row.organisation_id,
      organisationCode: row.organisation_code,
      organisationKind: row.organisation_kind,
    },
  };
}

export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Kysely<DB>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Deletes the sessions that expired at or before `now`; returns how many. */
export async function deleteExpiredSessions(db: Kysely<DB>, now: Date): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
