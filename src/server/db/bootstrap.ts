import { sql, type Kysely } from 'kysely';
import type { Config } from '../config.ts';
import { openDatabase, type Database } from './database.ts';
import { migrateToLatest } from './migrator.ts';
import type { DB } from './schema.ts';
import { ensureAdmin, type EnsureAdminResult } from './seed/ensure-admin.ts';
import { seedPackData } from './seed/seed-pack-data.ts';
import { seedDemoData, DEMO_PASSWORD } from './seed/demo/seed-demo.ts';

export interface Bootstrapped {
  database: Database;
  admin: EnsureAdminResult;
  applied: string[];
  demo?: { emails: string[]; password: string };
}

/** Opens the database, migrates, seeds the reference pack on first start, ensures an admin and optionally demo data. */
export async function bootstrapDatabase(config: Config, log: (line: string) => void = () => {}): Promise<Bootstrapped> {
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  try {
    return { database, ...(await prepareDatabase(database.db, config, log)) };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * Migrates and seeds under one database-wide lock, so that processes starting together (a rolling
 * upgrade, several behind a load balancer) migrate and seed once: the first does the work, the
 * others wait on the lock and then find nothing left to do. The lock is a session advisory lock
 * held on one connection, and all the work runs on that same connection.
 */
export async function prepareDatabase(
  db: Kysely<DB>,
  config: Pick<Config, 'SEED_PACK' | 'SAMTRYGG_ADMIN_EMAIL' | 'SAMTRYGG_ADMIN_PASSWORD' | 'SAMTRYGG_DEMO'>,
  log: (line: string) => void = () => {},
): Promise<Omit<Bootstrapped, 'database'>> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(hashtext('samtrygg.bootstrap'))`.execute(connection);
    try {
      const applied = await migrateToLatest(connection);
      if (applied.length > 0) log(`Applied ${applied.length} migration(s).`);
      await seedPackData(connection, config.SEED_PACK, log);
      const admin = await ensureAdmin(connection, {
        email: config.SAMTRYGG_ADMIN_EMAIL,
        password: config.SAMTRYGG_ADMIN_PASSWORD,
      });
      let demo: Bootstrapped['demo'];
      if (config.SAMTRYGG_DEMO) {
        const result = await seedDemoData(connection, { now: new Date(), log });
        demo = { emails: result.userEmails, password: DEMO_PASSWORD };
      }
      return { admin, applied, ...(demo ? { demo } : {}) };
    } finally {
      await sql`select pg_advisory_unlock(hashtext('samtrygg.bootstrap'))`.execute(connection);
    }
  });
}
