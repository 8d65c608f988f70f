// Server modules are imported inside their commands: `samtrygg analyze` and `--help` must start
// without loading the server, the database drivers or the configuration.
const HELP = `samtrygg <command>

Commands:
  serve               start the web app and API (same as npm start, without building the web app)
  migrate             apply pending database migrations
  seed                migrate, seed the reference pack (first time only) and ensure an admin
  backup --out F      consistent backup of the database (PGlite or PostgreSQL), also while the server runs
  restore --in F      restore a backup into an empty database (stop the server first)
  analyze <method>    crime analysis on CSV files, no database needed:
                      hotspots | kde | near-repeat | evaluate | change | emerging | concentration
                      (samtrygg analyze --help)

Configuration comes from the environment (see .env.example).`;

/** Runs one CLI command; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'analyze': {
      const { runAnalyze } = await import('./analyze/index.ts');
      return runAnalyze(rest, { stdout: process.stdout, stderr: process.stderr });
    }
    case 'serve':
      await import('../server/main.ts');
      return new Promise<number>(() => {}); // runs until a signal ends the process
    case 'migrate': {
      const [{ loadConfig }, { openDatabase }, { migrateToLatest }] = await Promise.all([
        import('../server/config.ts'),
        import('../server/db/database.ts'),
        import('../server/db/migrator.ts'),
      ]);
      const config = loadConfig();
      const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
      try {
        const applied = await migrateToLatest(database.db);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'seed': {
      const [{ loadConfig }, { bootstrapDatabase }] = await Promise.all([
        import('../server/config.ts'),
        import('../server/db/bootstrap.ts'),
      ]);
      const { database, admin } = await bootstrapDatabase(loadConfig(), (line) => console.log(line));
      if (admin.generatedPassword) console.log(`Admin ${admin.email} created with password ${admin.generatedPassword}`);
      await database.close();
      return 0;
    }
    case 'backup':
      return (await import('./backup.ts')).runBackup(rest);
    case 'restore':
      return (await import('./backup.ts')).runRestore(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return command === undefined ? 1 : 0;
    default:
      console.error(`Unknown command: ${command}\n\n${HELP}`);
      return 2;
  }
}
