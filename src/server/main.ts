import { buildApp } from './app.ts';
import { loadConfig, ConfigError } from './config.ts';
import { bootstrapDatabase } from './db/bootstrap.ts';
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

  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: config.HOST, port: config.PORT });
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
