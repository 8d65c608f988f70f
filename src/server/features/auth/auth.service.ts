import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, UnauthenticatedError } from '../../platform/errors.ts';
import { dummyPasswordHash, verifyPassword } from '../../platform/auth/passwords.ts';
import { deleteSession, insertSession } from '../../platform/auth/session.repository.ts';
import { hashToken, newToken } from '../../platform/auth/tokens.ts';
import type { Actor } from '../../platform/actor.ts';
import type { SessionCache } from '../../platform/auth/session-cache.ts';
import type { UsersService } from '../users/users.service.ts';
import { countUnknownAddressFailure, findUnknownAddressLock } from './login-failures.repository.ts';
import type { SessionView } from '../../../contracts/auth.ts';

export interface AuthServiceDeps {
  db: Kysely<DB>;
  config: Pick<Config, 'SESSION_TTL_HOURS' | 'LOGIN_LOCKOUT_THRESHOLD' | 'LOGIN_LOCKOUT_MINUTES'>;
  clock: () => Date;
  sessions: SessionCache;
  users: Pick<UsersService, 'findAccountByEmail' | 'findView' | 'countFailedLogin' | 'recordLogin'>;
}

const accountLocked = (until: Date) =>
  new AppError('ACCOUNT_LOCKED', 423, 'Too many failed logins; the account is locked for a while', {
    lockedUntil: until.toISOString(),
  });

export function createAuthService({ db, config, clock, sessions, users }: AuthServiceDeps) {
  return {
    /**
     * Checks the password and opens a session. Throws INVALID_CREDENTIALS (401, also for
     * unknown or inactive users) and ACCOUNT_LOCKED (423) after repeated failures, alike for
     * addresses with and without an account.
     */
    async login(
      email: string,
      password: string,
    ): Promise<{ token: string; maxAgeSeconds: number; session: SessionView }> {
      const now = clock();
      const user = await users.findAccountByEmail(email);
      if (!user) {
        // An address without an account is counted and locked like an account, so neither the
        // answer nor its timing tells whether the address exists.
        const emailKey = email.trim().toLowerCase();
        const lock = await findUnknownAddressLock(db, emailKey);
        if (lock?.locked_until && lock.locked_until > now) throw accountLocked(lock.locked_until);
        await verifyPassword(await dummyPasswordHash(), password);
        await countUnknownAddressFailure(
          db,
          emailKey,
          now,
          config.LOGIN_LOCKOUT_THRESHOLD,
          config.LOGIN_LOCKOUT_MINUTES * 60_000,
        );
        throw new UnauthenticatedError('INVALID_CREDENTIALS', 'Wrong e-mail or password');
      }
      if (user.locked_until && user.locked_until > now) throw accountLocked(user.locked_until);
      const valid = user.active && (await verifyPassword(user.password_hash, password));
      if (!valid) {
        await users.countFailedLogin(
          user.id,
          now,
          config.LOGIN_LOCKOUT_THRESHOLD,
          config.LOGIN_LOCKOUT_MINUTES * 60_000,
        );
        throw new UnauthenticatedError('INVALID_CREDENTIALS', 'Wrong e-mail or password');
      }

      const token = newToken();
      const csrfToken = newToken();
      const expiresAt = new Date(now.getTime() + config.SESSION_TTL_HOURS * 3_600_000);
      await db.transaction().execute(async (trx) => {
        await insertSession(trx, { id: hashToken(token), userId: user.id, csrfToken, expiresAt });
        await users.recordLogin(trx, user.id, now);
      });
      // The cookie's lifetime is relative (Max-Age), so a browser whose clock disagrees with the
      // server's still keeps it; the session row's expires_at stays the authority.
      return { token, maxAgeSeconds: config.SESSION_TTL_HOURS * 3600, session: { user: user.view, csrfToken } };
    },

    /** The session view for a live session; 401 UNAUTHENTICATED otherwise. */
    async session(actor: Actor | null, csrfToken: string | null): Promise<SessionView> {
      if (!actor || !csrfToken) throw new UnauthenticatedError();
      const user = await users.findView(actor.userId);
      if (!user) throw new UnauthenticatedError();
      return { user, csrfToken };
    },

    async logout(sessionId: string | null): Promise<void> {
      if (!sessionId) return;
      sessions.forget(sessionId);
      await deleteSession(db, sessionId);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
