import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What the database reports about its connections (PGlite: one connection and its queue). */
export interface PoolStats {
  /** Open connections. */
  total: number;
  /** Open connections not in use. */
  idle: number;
  /** Callers waiting for a connection. */
  waiting: number;
}

export interface Metrics {
  registry: Registry;
  httpRequestDuration: Histogram<'method' | 'route' | 'status_code'>;
  jobRuns: Counter<'job' | 'outcome'>;
  jobDuration: Histogram<'job'>;
  /** Reads pool use from this function on every scrape. */
  watchPool(stats: () => PoolStats): void;
}

// Request latency buckets in seconds: a report is filed in tens of milliseconds, a weekly
// picture PDF in seconds.
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB_BUCKETS = [0.01, 0.1, 0.5, 1, 5, 15, 60, 300];

/**
 * One registry per app (tests build many apps in one process, so never the global one).
 * `processMetrics` adds Node's own (memory, event loop lag, CPU): on in the server, off in tests.
 */
export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  const httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route (the route pattern, never the raw URL)',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: HTTP_BUCKETS,
    registers: [registry],
  });
  const jobRuns = new Counter({
    name: 'samtrygg_job_runs_total',
    help: 'Background job runs by job name and outcome (completed, failed)',
    labelNames: ['job', 'outcome'] as const,
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: 'samtrygg_job_duration_seconds',
    help: 'Background job run time',
    labelNames: ['job'] as const,
    buckets: JOB_BUCKETS,
    registers: [registry],
  });
  let readPool: (() => PoolStats) | undefined;
  const poolGauge = (name: string, help: string, pick: (stats: PoolStats) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        if (readPool) this.set(pick(readPool()));
      },
    });
  poolGauge('samtrygg_db_pool_connections', 'Open database connections', (s) => s.total);
  poolGauge('samtrygg_db_pool_idle', 'Open database connections not in use', (s) => s.idle);
  poolGauge('samtrygg_db_pool_waiting', 'Queries waiting for a database connection', (s) => s.waiting);
  return {
    registry,
    httpRequestDuration,
    jobRuns,
    jobDuration,
    watchPool(stats) {
      readPool = stats;
    },
  };
}
