import type { Config } from '../config.ts';
import { openDatabase, type Database } from './database.ts';
import { migrateToLatest } from './migrator.ts';
import { ensureAdmin, type EnsureAdminResult } from './seed/ensure-admin.ts';
import { seedPackData } from './seed/seed-pack-data.ts';
import { seedDemoData, DEMO_PASSWORD } from './seed/demo/seed-demo.ts';

export interface Bootstrapped {
  database: Database;
  admin: EnsureAdminResult;
  demo?: { emails: string[]; password: string };
}

/** Opens the database, migrates, seeds the reference pack on first start, ensures an admin and optionally demo data. */
export async function bootstrapDatabase(config: Config, log: (line: string) => void = () => {}): Promise<Bootstrapped> {
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) log(`Applied ${applied.length} migration(s).`);
    await seedPackData(database.db, config.SEED_PACK, log);
    const admin = await ensureAdmin(database.db, {
      email: config.SAMTRYGG_ADMIN_EMAIL,
      password: config.SAMTRYGG_ADMIN_PASSWORD,
    });
    let demo: Bootstrapped['demo'];
    if (config.SAMTRYGG_DEMO) {
      const result = await seedDemoData(database.db, { now: new Date(), log });
      demo = { emails: result.userEmails, password: DEMO_PASSWORD };
    }
    return { database, admin, ...(demo ? { demo } : {}) };
  } catch (error) {
    await database.close();
    throw error;
  }
}
