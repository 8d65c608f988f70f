import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { DB } from './db/schema.ts';
import type { SessionCache } from './platform/auth/session-cache.ts';
import { createAuthService } from './features/auth/auth.service.ts';
import { createSessionMaintenanceService } from './features/auth/session-maintenance.service.ts';
import { createUsersService } from './features/users/users.service.ts';
import { createReferenceService } from './features/reference/reference.service.ts';
import { createReportsService } from './features/reports/reports.service.ts';
import { createAuditLogService } from './features/audit-log/audit-log.service.ts';
import { createPromisesFeature } from './features/promises/promises.feature.ts';
import { createActionsService } from './features/actions/actions.service.ts';
import { createLagesbildService } from './features/lagesbild/lagesbild.service.ts';
import { createAnalysisService } from './features/analysis/analysis.service.ts';
import { analysisRunnerFromConfig } from './features/analysis/analysis-runner.ts';
import { createCameraServices } from './features/cameras/camera-services.ts';
import { createFundServices } from './features/fund/fund.service.ts';
import { createRetentionService } from './features/retention/retention.service.ts';
import { loadRetentionRules } from './platform/retention/retention-rules.ts';
import { retentionClasses } from './retention.ts';

/** Wires each service with only what it uses. */
export function createServices({
  db,
  config,
  clock,
  sessions,
}: {
  db: Kysely<DB>;
  config: Config;
  clock: () => Date;
  sessions: SessionCache;
}) {
  const reference = createReferenceService({ db, clock });
  const actions = createActionsService({ db, clock });
  const users = createUsersService({ db, reference, sessions });
  return {
    auth: createAuthService({ db, config, clock, sessions, users }),
    users,
    sessionMaintenance: createSessionMaintenanceService({ db, clock }),
    reference,
    reports: createReportsService({ db, reference, clock }),
    auditLog: createAuditLogService({ db }),
    promises: createPromisesFeature({ db, clock, gazetteer: () => reference.gazetteer() }),
    actions,
    lagesbild: createLagesbildService({ db, actions, reports: createReportsService({ db, reference, clock }), clock }), // its own stateless reports service: feedback reads reports through the reports feature's rules
    analysis: createAnalysisService({ db, reference, clock, runner: analysisRunnerFromConfig(config) }),
    cameras: createCameraServices({ db, reference, users, clock }),
    fund: createFundServices({ db, clock }),
    retention: createRetentionService({
      db,
      clock,
      classes: retentionClasses,
      plan: loadRetentionRules(config.SEED_PACK),
    }),
  };
}

export type Services = ReturnType<typeof createServices>;
