import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Loads every `YYYYMMDDHHmm_verb_object.ts` file in migrations/ (`.js` in the build). Features add
 * their own migration files; no central list has to be edited. Migrations are forward-only (no down).
 */
class MigrationFolderProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(migrationsDir)).filter((f) => /^\d{12}_[a-z0-9_]+\.[jt]s$/.test(f)).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const module = (await import(pathToFileURL(path.join(migrationsDir, file)).href)) as Migration;
      // Named without the extension, so a database migrated from the sources and one migrated
      // by the build agree on what has been applied.
      migrations[file.replace(/\.[jt]s$/, '')] = module;
    }
    return migrations;
  }
}

/** Applies pending migrations; throws with the failing migration's name on error. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Features add migrations independently, so a new one may sort before one a database already
  // has; each migration touches only its own feature's tables, so applying it late is safe.
  const migrator = new Migrator({ db, provider: new MigrationFolderProvider(), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(
      `Migration ${failed?.migrationName ?? '(unknown)'} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      { cause: error },
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
