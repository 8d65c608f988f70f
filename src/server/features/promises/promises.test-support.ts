import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Role } from '../../platform/platform.tables.ts';
import { createOrganisation, createUser } from '../../../../test/support/factories.ts';
import { login, type Session, type TestContext } from '../../../../test/support/test-app.ts';

/** Test helpers for the promises feature: users in the seeded parties, seeded ids by code. */
export async function orgId(db: Kysely<DB>, code: string): Promise<string> {
  return (await db.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

export async function userIn(ctx: TestContext, organisationCode: string | null, role: Role): Promise<Session> {
  const organisationId = organisationCode
    ? await orgId(ctx.database.db, organisationCode)
    : (await createOrganisation(ctx.database.db, 'housing')).id;
  const user = await createUser(ctx.database.db, { role, organisationId });
  return login(ctx.app, user.email, user.password);
}

export async function commitmentId(db: Kysely<DB>, code: string): Promise<string> {
  return (await db.selectFrom('commitments').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

export async function agreementId(db: Kysely<DB>): Promise<string> {
  return (
    await db.selectFrom('agreements').select('id').where('code', '=', 'huddinge-2023-2024').executeTakeFirstOrThrow()
  ).id;
}
