import { buildApp } from './app.ts';
import { loadConfig, ConfigError } from './config.ts';
import { bootstrapDatabase } from './db/bootstrap.ts';
import { featureJobs } from './jobs.ts';
import { isDatabaseUnavailable } from './platform/database-unavailable.ts';
import { startBackupSocket } from './platform/backup/backup-socket.ts';
import { createJobRunner } from './platform/jobs/job-runner.ts';
import { createMetrics } from './platform/observability/metrics.ts';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const { database, admin, demo } = await bootstrapDatabase(config, (line) => console.log(line));
  const metrics = createMetrics({ processMetrics: true });
  const app = await buildApp({ config, database, metrics });
  const jobs = createJobRunner({
    database,
    jobs: featureJobs(app.services),
    metrics,
    log: app.log.child({ component: 'jobs' }),
    work: config.JOBS_WORK,
  });

  // A database that goes away must not end the process (503 meanwhile, issue 11); a stray
  // rejection from a lost connection is logged, anything else is a bug and ends it as Node would.
  process.on('unhandledRejection', (reason) => {
    if (isDatabaseUnavailable(reason)) {
      app.log.warn({ err: { message: String((reason as Error)?.message ?? reason) } }, 'database unavailable');
      return;
    }
    app.log.fatal({ err: reason }, 'unhandled rejection');
    process.exit(1);
  });

  // Graceful shutdown: stop accepting connections and answer what is in flight (Fastify's close
  // waits for it; new requests get 503), let running jobs finish, then close the database. A
  // second signal, or the timeout, exits at once.
  let backupSocket: Awaited<ReturnType<typeof startBackupSocket>> | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const timeout = setTimeout(() => {
      app.log.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
    timeout.unref();
    await app.close();
    backupSocket?.close();
    await jobs.stop(config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
    await database.close();
    app.log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: config.HOST, port: config.PORT });
  await jobs.start();
  // PGlite: `samtrygg backup` asks this process, the only one that may open the data directory.
  backupSocket = database.kind === 'pglite' ? await startBackupSocket(database.db, config.DATA_DIR) : undefined;
  const url = `http://${config.HOST}:${config.PORT}`;
  console.log(
    `\nSamtrygg runs at ${url} (${database.kind === 'pglite' ? `PGlite in ${config.DATA_DIR}` : 'PostgreSQL'})`,
  );
  if (admin.generatedPassword) {
    console.log(`\n  First start: log in as ${admin.email} with the password  ${admin.generatedPassword}`);
    console.log('  It is shown only this once. Change it under Administration > Användare.\n');
  }
  if (demo) console.log(`  Demo data loaded. Demo users (password "${demo.password}"): ${demo.emails.join(', ')}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
