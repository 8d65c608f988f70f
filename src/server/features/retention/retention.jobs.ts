import { defineJob } from '../../platform/jobs/job.ts';
import type { RetentionService } from './retention.service.ts';

/** Retention runs every night at 02:30 Swedish time; each run is logged with its counts. */
export function retentionJobs({ retention }: { retention: RetentionService }) {
  return [
    defineJob({
      name: 'retention.run',
      schedule: '30 2 * * *',
      retryLimit: 3,
      async run() {
        const { runId, results } = await retention.run();
        return { runId, counts: Object.fromEntries(results.map((r) => [r.recordClass, r.count])) };
      },
    }),
  ];
}
