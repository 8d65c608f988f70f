import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { DB } from './db/schema.ts';
import { createAuthService } from './features/auth/auth.service.ts';
import { createUsersService } from './features/users/users.service.ts';
import { createReferenceService } from './features/reference/reference.service.ts';
import { createReportsService } from './features/reports/reports.service.ts';
import { createAuditLogService } from './features/audit-log/audit-log.service.ts';

/** Wires each service with only what it uses. */
export function createServices({ db, config, clock }: { db: Kysely<DB>; config: Config; clock: () => Date }) {
  const reference = createReferenceService({ db, clock });
  return {
    auth: createAuthService({ db, config, clock }),
    users: createUsersService({ db }),
    reference,
    reports: createReportsService({ db, reference, clock }),
    auditLog: createAuditLogService({ db }),
  };
}

export type Services = ReturnType<typeof createServices>;
