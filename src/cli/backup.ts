import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrator.ts';
import { BackupError, restoreBackup, writeBackup } from '../server/platform/backup/backup.ts';
import { backupFromRunningServer, serverRunsOn } from '../server/platform/backup/backup-socket.ts';

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** `samtrygg backup --out F`: a consistent backup of the configured database, also while the server runs. */
export async function runBackup(args: string[]): Promise<number> {
  const out = option(args, '--out');
  if (!out) {
    console.error("Usage: samtrygg backup --out FILE   (gzip'd JSON lines; see docs/operations.md)");
    return 2;
  }
  const config = loadConfig();
  // Written beside the target and renamed at the end: a failed backup never leaves a half file.
  const partial = `${out}.partial`;
  try {
    if (!config.DATABASE_URL && (await backupFromRunningServer(config.DATA_DIR, createWriteStream(partial)))) {
      console.error(`Backup taken by the running server (PGlite in ${config.DATA_DIR}).`);
    } else {
      const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 1 });
      try {
        const counts = await writeBackup(database.db, createWriteStream(partial));
        const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
        console.error(`Backed up ${Object.keys(counts).length} tables, ${rows} rows.`);
      } finally {
        await database.close();
      }
    }
    renameSync(partial, out);
    console.error(`Wrote ${out}`);
    return 0;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** `samtrygg restore --in F`: into an empty database (migrated here first); all or nothing. */
export async function runRestore(args: string[]): Promise<number> {
  const input = option(args, '--in');
  if (!input) {
    console.error('Usage: samtrygg restore --in FILE   (into an empty database, with the server stopped)');
    return 2;
  }
  const config = loadConfig();
  if (!config.DATABASE_URL && (await serverRunsOn(config.DATA_DIR))) {
    console.error(`Restore refused: a server is running on ${config.DATA_DIR}; stop it first.`);
    return 1;
  }
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 1 });
  try {
    await migrateToLatest(database.db);
    const counts = await restoreBackup(database.db, createReadStream(input));
    const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
    console.error(`Restored ${Object.keys(counts).length} tables, ${rows} rows.`);
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(`Restore refused: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}
