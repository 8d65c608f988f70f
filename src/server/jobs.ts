import type { JobDefinition } from './platform/jobs/job.ts';
import type { Services } from './services.ts';
import { authJobs } from './features/auth/auth.jobs.ts';
import { retentionJobs } from './features/retention/retention.jobs.ts';

/**
 * Every feature's background jobs, for the job runner (platform/jobs). A feature defines its jobs
 * in `<feature>.jobs.ts` with the services they use, and adds one line here.
 */
export function featureJobs(services: Services): JobDefinition<any>[] {
  return [
    ...authJobs({ sessionMaintenance: services.sessionMaintenance }),
    ...retentionJobs({ retention: services.retention }),
  ];
}
