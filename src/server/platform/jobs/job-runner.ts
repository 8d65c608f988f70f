import PgBoss from 'pg-boss';
import type { Database } from '../../db/database.ts';
import type { Metrics } from '../observability/metrics.ts';
import { checkJobDefinitions, type JobDefinition, type JobLog, type JobSender, type SendOptions } from './job.ts';

export interface JobRunnerOptions {
  database: Database;
  jobs: readonly JobDefinition<any>[];
  metrics: Metrics;
  log: JobLog;
  clock?: () => Date;
  /**
   * Work jobs in this process (default). Off, the process only enqueues: for web-only processes
   * behind a load balancer when dedicated workers run the jobs. PGlite always works its own.
   */
  work?: boolean;
  /** How often an idle worker asks for new jobs; pg-boss's default is 2 s. */
  pollingIntervalSeconds?: number;
}

export interface JobRunner {
  start(): Promise<void>;
  send: JobSender;
  /** Stops taking jobs and waits up to `timeoutMs` for running ones (graceful shutdown). */
  stop(timeoutMs?: number): Promise<void>;
}

const TIME_ZONE = 'Europe/Stockholm';

/**
 * The platform's job queue: pg-boss on the application's own database, PostgreSQL or PGlite (the
 * same SQL through `database.executeSql`). Jobs live in the `pgboss` schema, so every process on
 * one PostgreSQL shares them: a job is fetched with SKIP LOCKED by exactly one worker, and a cron
 * tick produces one job however many processes schedule it (pg-boss keys it by the minute).
 * Features define jobs in `<feature>.jobs.ts`; the runner knows none of them.
 */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { database, jobs, metrics, log } = options;
  const clock = options.clock ?? (() => new Date());
  checkJobDefinitions(jobs);
  const work = options.work !== false || database.kind === 'pglite';
  const boss = new PgBoss({
    db: { executeSql: (text, values) => database.executeSql(text, values) },
    schedule: work,
    supervise: work,
    // Completed jobs are kept a week for inspection, then archived and dropped by pg-boss.
    deleteAfterDays: 7,
  });
  boss.on('error', (error) => log.error({ err: { message: error.message } }, 'job queue error'));

  const send: JobSender = async (name, payload, sendOptions: SendOptions = {}) =>
    boss.send(name, (payload ?? {}) as object, sendOptions.startAfter ? { startAfter: sendOptions.startAfter } : {});

  async function runOne(job: JobDefinition<any>, id: string, data: unknown) {
    const end = metrics.jobDuration.startTimer({ job: job.name });
    const bound = { job: job.name, jobId: id };
    try {
      const parsed = job.payload ? job.payload.safeParse(data) : { success: true as const, data };
      if (!parsed.success) throw new Error(`bad payload: ${parsed.error.message}`);
      const result = await job.run(parsed.data, {
        clock,
        jobId: id,
        send,
        log: {
          info: (o, m) => log.info({ ...bound, ...o }, m),
          warn: (o, m) => log.warn({ ...bound, ...o }, m),
          error: (o, m) => log.error({ ...bound, ...o }, m),
        },
      });
      metrics.jobRuns.inc({ job: job.name, outcome: 'completed' });
      log.info({ ...bound, durationMs: Math.round(end() * 1000), ...(result ? { result } : {}) }, 'job completed');
      return result ?? {};
    } catch (error) {
      metrics.jobRuns.inc({ job: job.name, outcome: 'failed' });
      const message = error instanceof Error ? error.message : String(error);
      log.error({ ...bound, durationMs: Math.round(end() * 1000), err: { message } }, 'job failed');
      throw error;
    }
  }

  return {
    async start() {
      await boss.start(); // creates or migrates the pgboss schema under its own advisory lock
      for (const job of jobs) {
        await boss.createQueue(job.name, {
          name: job.name,
          retryLimit: job.retryLimit ?? 2,
          retryDelay: job.retryDelaySeconds ?? 30,
          retryBackoff: true,
          expireInSeconds: job.expireInSeconds ?? 15 * 60,
        });
      }
      if (!work) return;
      // Schedules live in the database; one that the code no longer declares is removed.
      const scheduled = new Set(jobs.filter((job) => job.schedule).map((job) => job.name));
      for (const schedule of await boss.getSchedules()) {
        if (!scheduled.has(schedule.name)) await boss.unschedule(schedule.name);
      }
      for (const job of jobs) {
        if (job.schedule) await boss.schedule(job.name, job.schedule, {}, { tz: TIME_ZONE });
        await boss.work(
          job.name,
          { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
          async ([item]) => (item ? runOne(job, item.id, item.data) : undefined),
        );
      }
    },
    send,
    async stop(timeoutMs = 10_000) {
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: false });
    },
  };
}
