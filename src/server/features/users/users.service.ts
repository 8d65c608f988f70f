import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { requireRole } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { deleteSessionsOfUser } from '../../platform/auth/session.repository.ts';
import type { SessionCache } from '../../platform/auth/session-cache.ts';
import type { UserCreate, UserUpdate, UserView } from '../../../contracts/auth.ts';
import { findUserByEmail, findUserById, listUsers, toUserView } from './users.repository.ts';

export function createUsersService({ db, sessions }: { db: Kysely<DB>; sessions: SessionCache }) {
  return {
    /** Admin creates a user. Throws FORBIDDEN, UNKNOWN_ORGANISATION (400), EMAIL_TAKEN (409). */
    async create(actor: Actor, input: UserCreate): Promise<UserView> {
      requireRole(actor, ['admin']);
      const organisation = await db
        .selectFrom('organisations')
        .select('id')
        .where('code', '=', input.organisationCode)
        .where('active', '=', true)
        .executeTakeFirst();
      if (!organisation) {
        throw new ValidationError(
          'Unknown organisation',
          [{ path: 'body.organisationCode', message: 'unknown organisation', code: 'UNKNOWN_ORGANISATION' }],
          'UNKNOWN_ORGANISATION',
        );
      }
      if (await findUserByEmail(db, input.email))
        throw new ConflictError('EMAIL_TAKEN', 'A user with that e-mail exists');
      const passwordHash = await hashPassword(input.password);
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('users')
          .values({
            email: input.email.toLowerCase(),
            name: input.name,
            organisation_id: organisation.id,
            role: input.role,
            password_hash: passwordHash,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'user.create',
          entityType: 'user',
          entityId: row.id,
          summary: {
            after: { email: input.email, name: input.name, role: input.role, organisationCode: input.organisationCode },
          },
        });
        return row.id;
      });
      return toUserView((await findUserById(db, id))!);
    },

    /** Admin lists every user. Throws FORBIDDEN. */
    async list(actor: Actor): Promise<UserView[]> {
      requireRole(actor, ['admin']);
      return (await listUsers(db)).map(toUserView);
    },

    /** Admin changes name, role, active flag or password, or unlocks. Throws FORBIDDEN, NOT_FOUND, LAST_ADMIN. */
    async update(actor: Actor, id: string, input: UserUpdate): Promise<UserView> {
      requireRole(actor, ['admin']);
      const before = await findUserById(db, id);
      if (!before) throw new NotFoundError('User');
      const demotesAdmin =
        before.role === 'admin' && before.active && ((input.role && input.role !== 'admin') || input.active === false);
      const passwordHash = input.password ? await hashPassword(input.password) : undefined;
      await db.transaction().execute(async (trx) => {
        if (demotesAdmin) {
          // Lock the active admins, so two admins demoting each other cannot leave none.
          const admins = await trx
            .selectFrom('users')
            .select('id')
            .where('role', '=', 'admin')
            .where('active', '=', true)
            .forUpdate()
            .execute();
          if (admins.length <= 1) throw new ConflictError('LAST_ADMIN', 'The last active admin cannot be removed');
        }
        await trx
          .updateTable('users')
          .set({
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...(input.role !== undefined ? { role: input.role } : {}),
            ...(input.active !== undefined ? { active: input.active } : {}),
            ...(passwordHash ? { password_hash: passwordHash } : {}),
            ...(input.unlock ? { locked_until: null, failed_login_count: 0 } : {}),
            updated_at: new Date(),
          })
          .where('id', '=', id)
          .execute();
        // A changed password, role or deactivation ends the user's sessions.
        if (passwordHash || input.active === false || input.role) await deleteSessionsOfUser(trx, id);
        await recordAudit(trx, actor, {
          action: 'user.update',
          entityType: 'user',
          entityId: id,
          summary: {
            before: { name: before.name, role: before.role, active: before.active },
            after: {
              name: input.name,
              role: input.role,
              active: input.active,
              passwordChanged: Boolean(passwordHash),
              unlocked: Boolean(input.unlock),
            },
          },
        });
      });
      // Name, role and active flag live in cached sessions: drop them so the change shows at once.
      sessions.forgetUser(id);
      return toUserView((await findUserById(db, id))!);
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
