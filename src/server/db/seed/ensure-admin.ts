import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { recordAudit } from '../../platform/audit.ts';

export interface EnsureAdminResult {
  created: boolean;
  email: string;
  /** Only when a random password was generated: shown once, never stored in clear. */
  generatedPassword?: string;
}

/**
 * Creates the first admin when there is no admin at all. The admin belongs to the first
 * municipality-kind organisation of the pack.
 */
export async function ensureAdmin(
  db: Kysely<DB>,
  options: { email: string; password?: string | undefined },
): Promise<EnsureAdminResult> {
  const anyAdmin = await db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirst();
  if (anyAdmin) return { created: false, email: options.email };

  const organisation = await db
    .selectFrom('organisations')
    .select('id')
    .where('kind', '=', 'municipality')
    .orderBy('created_at')
    .executeTakeFirst();
  const fallback =
    organisation ?? (await db.selectFrom('organisations').select('id').orderBy('created_at').executeTakeFirst());
  if (!fallback) throw new Error('Cannot create the admin: no organisation has been seeded');

  const generatedPassword = options.password ? undefined : randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(options.password ?? generatedPassword!);
  await db.transaction().execute(async (trx) => {
    const user = await trx
      .insertInto('users')
      .values({
        email: options.email.toLowerCase(),
        name: 'Administratör',
        organisation_id: fallback.id,
        role: 'admin',
        password_hash: passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, null, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      summary: { after: { email: options.email, role: 'admin' }, reason: 'first start' },
    });
  });
  return { created: true, email: options.email, ...(generatedPassword ? { generatedPassword } : {}) };
}
