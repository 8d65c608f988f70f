import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.ts';
import { insertSession } from '../../src/server/platform/auth/session.repository.ts';
import { hashToken, newToken } from '../../src/server/platform/auth/tokens.ts';
import { as, type Session } from './test-app.ts';

/** The callers of the permission matrix: the four roles, a police läsare, and nobody logged in. */
export const MATRIX_ROLES = ['anonymous', 'admin', 'samordnare', 'rapportor', 'lasare', 'polis'] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

/**
 * Expected status per caller: name the exceptions, `others` covers the logged-in rest.
 * `anonymous` defaults to 401, since every non-public endpoint turns anonymous callers away.
 */
export function statuses(spec: Partial<Record<MatrixRole | 'others', number>>): Record<MatrixRole, number> {
  const others = spec.others;
  const result = {} as Record<MatrixRole, number>;
  for (const role of MATRIX_ROLES) {
    const value = spec[role] ?? (role === 'anonymous' ? 401 : others);
    if (value === undefined) throw new Error(`statuses: no expectation for ${role}`);
    result[role] = value;
  }
  return result;
}

export type TableName = keyof DB;

/** Every row of a table in a stable order, to show that a refused request changed nothing in it. */
export async function snapshotTable(db: Kysely<DB>, table: TableName): Promise<unknown[]> {
  const result = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by id`.execute(db);
  return result.rows;
}

export async function countRows(db: Kysely<DB>, table: TableName): Promise<number> {
  const result = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(result.rows[0]!.n);
}

/**
 * A live session written straight to the sessions table: for requests that end their
 * session (logout) without paying for another argon2 login.
 */
export async function openSession(db: Kysely<DB>, userId: string, now: Date): Promise<Session> {
  const token = newToken();
  const csrfToken = newToken();
  await insertSession(db, { id: hashToken(token), userId, csrfToken, expiresAt: new Date(now.getTime() + 3_600_000) });
  return { cookie: `samtrygg_session=${token}`, csrfToken, userId };
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

/** One request as a session, or anonymously when the session is null. */
export function send(
  app: FastifyInstance,
  session: Session | null,
  method: Method,
  url: string,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  if (!session) {
    return app.inject({ method, url, ...(method === 'GET' ? {} : { payload: body ?? {} }) });
  }
  const client = as(app, session);
  switch (method) {
    case 'GET':
      return client.get(url);
    case 'POST':
      return client.post(url, body);
    case 'PATCH':
      return client.patch(url, body ?? {});
    case 'PUT':
      return client.put(url, body ?? {});
  }
}
