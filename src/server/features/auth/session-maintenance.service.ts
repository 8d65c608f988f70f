import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { deleteExpiredSessions } from '../../platform/auth/session.repository.ts';

/** Housekeeping of login sessions, run by the job queue (auth.jobs.ts). */
export function createSessionMaintenanceService({ db, clock }: { db: Kysely<DB>; clock: () => Date }) {
  return {
    /**
     * Deletes every expired session (their rows are useless once expired and name who was logged
     * in when); returns how many. Throws nothing of its own.
     */
    async purgeExpired(): Promise<number> {
      return deleteExpiredSessions(db, clock());
    },
  };
}

export type SessionMaintenanceService = ReturnType<typeof createSessionMaintenanceService>;
