import type { z } from 'zod';

/** What a job's `run` receives besides its payload. */
export interface JobContext {
  /** The injected clock (tests move it); use it, never `new Date()`. */
  clock: () => Date;
  /** pino-style logger bound to the job's name and id. */
  log: JobLog;
  jobId: string;
  /** Enqueue follow-up work (e.g. one e-mail job per recipient of a digest). */
  send: JobSender;
}

export interface JobLog {
  info(object: Record<string, unknown>, message: string): void;
  warn(object: Record<string, unknown>, message: string): void;
  error(object: Record<string, unknown>, message: string): void;
}

export interface SendOptions {
  /** Do not run before this instant. */
  startAfter?: Date;
}

/** Enqueues a job by name; resolves with its id. */
export type JobSender = (name: string, payload?: unknown, options?: SendOptions) => Promise<string | null>;

export interface JobDefinition<Payload = unknown> {
  /** Unique, dotted, feature first: `auth.purge-expired-sessions`. Letters, digits, `.`, `-`, `_`. */
  name: string;
  /** Cron expression (minute hour day month weekday) in Europe/Stockholm; runs once per tick across all processes. */
  schedule?: string;
  /** Validates the payload before `run` sees it; a bad payload fails the job without retries. */
  payload?: z.ZodType<Payload>;
  /** Attempts after the first failure (default 2), `retryDelaySeconds` apart, growing (default 30). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** A run that takes longer is treated as failed (and retried); default 15 minutes. */
  expireInSeconds?: number;
  /**
   * Does the work. Must be safe to run again after a failure (a retry, or a process that died
   * mid-run): use transactions and idempotent writes. The returned object is logged and kept with
   * the job (counts, not personal data).
   */
  run(payload: Payload, context: JobContext): Promise<Record<string, unknown> | void>;
}

/** Identity helper that keeps the payload type between `payload` and `run`. */
export function defineJob<Payload = undefined>(definition: JobDefinition<Payload>): JobDefinition<Payload> {
  return definition;
}

const NAME = /^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/;

/** Throws when two jobs share a name or a name is malformed; the registry is checked once at start. */
export function checkJobDefinitions(jobs: readonly JobDefinition<any>[]): void {
  const seen = new Set<string>();
  for (const job of jobs) {
    if (!NAME.test(job.name)) throw new Error(`Job name ${JSON.stringify(job.name)} is not dotted lower-case`);
    if (seen.has(job.name)) throw new Error(`Two jobs are named ${job.name}`);
    seen.add(job.name);
  }
}
