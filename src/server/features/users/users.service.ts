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
import type { ReferenceService } from '../reference/reference.service.ts';
import * as repo from './users.repository.ts';

const { findUserByEmail, findUserById, listUsers, toUserView } = repo;

export interface UsersServiceDeps {
  db: Kysely<DB>;
  reference: Pick<ReferenceService, 'activeOrganisationId'>;
  sessions: SessionCache;
}

export function createUsersService({ db, reference, sessions }: UsersServiceDeps) {
  return {
    /** The account behind an e-mail address, with its password hash and lock, for logging in. */
    async findAccountByEmail(email: string) {
      const row = await findUserByEmail(db, email);
      return row ? { ...row, view: toUserView(row) } : undefined;
    },

    /** Whether the id names an active user (for features that name a responsible person). */
    isActiveUser: (id: string) => repo.isActiveUser(db, id),

    /** The user view of an account, or undefined when it is gone. */
    async findView(id: string): Promise<UserView | undefined> {
      const row = await findUserById(db, id);
      return row ? toUserView(row) : undefined;
    },

    /**
     * Counts a failed login atomically (parallel wrong guesses cannot slip under the threshold)
     * and locks the account for `lockMs` once `threshold` is reached, audited.
     */
    async countFailedLogin(userId: string, now: Date, threshold: number, lockMs: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const count = await repo.incrementFailedLogins(trx, userId);
        if (count < threshold) return;
        await repo.updateUser(trx, userId, { failed_login_count: 0, locked_until: new Date(now.getTime() + lockMs) });
        await recordAudit(trx, null, {
          action: 'user.lock',
          entityType: 'user',
          entityId: userId,
          summary: { reason: `${count} failed logins` },
        });
      });
    },

    /** Clears the failure count and lock of a login that succeeded, in the caller's transaction. */
    recordLogin: (executor: Kysely<DB>, userId: string, now: Date) =>
      repo.updateUser(executor, userId, { failed_login_count: 0, locked_until: null, last_login_at: now }),

    /** Admin creates a user. Throws FORBIDDEN, UNKNOWN_ORGANISATION (400), EMAIL_TAKEN (409). */
    async create(actor: Actor, input: UserCreate): Promise<UserView> {
      requireRole(actor, ['admin']);
      const organisationId = await reference.activeOrganisationId(input.organisationCode);
      if (!organisationId) {
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
        const userId = await repo.insertUser(trx, {
          email: input.email.toLowerCase(),
          name: input.name,
          organisation_id: organisationId,
          role: input.role,
          password_hash: passwordHash,
        });
        await recordAudit(trx, actor, {
          action: 'user.create',
          entityType: 'user',
          entityId: userId,
          summary: {
            after: { email: input.email, name: input.name, role: input.role, organisationCode: input.organisationCode },
          },
        });
        return userId;
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
          const admins = await repo.lockActiveAdmins(trx);
          if (admins.length <= 1) throw new ConflictError('LAST_ADMIN', 'The last active admin cannot be removed');
        }
        await repo.updateUser(trx, id, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.role !== undefined ? { role: input.role } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
          ...(passwordHash ? { password_hash: passwordHash } : {}),
          ...(input.unlock ? { locked_until: null, failed_login_count: 0 } : {}),
          updated_at: new Date(),
        });
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
