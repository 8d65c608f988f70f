import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { testDatabaseKind, withDatabaseName } from '../../../test/support/test-database.ts';
import { openDatabase, type Database } from './database.ts';
import { prepareDatabase } from './bootstrap.ts';

/** Two handles on one new, empty database: two PostgreSQL pools, or one PGlite opened once. */
async function emptyDatabaseTwice(): Promise<{ first: Database; second: Database; drop(): Promise<void> }> {
  if (testDatabaseKind() === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    return { first: database, second: database, drop: () => database.close() };
  }
  const url = inject('postgresUrl');
  const name = `samtrygg_boot_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const first = await openDatabase({ databaseUrl: withDatabaseName(url, name), poolSize: 3 });
  const second = await openDatabase({ databaseUrl: withDatabaseName(url, name), poolSize: 3 });
  return {
    first,
    second,
    drop: async () => {
      await first.close();
      await second.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

describe('two processes starting together on an empty database', () => {
  it('migrate and seed once: one does the work, the other finds it done', async () => {
    const databases = await emptyDatabaseTwice();
    const { first, second } = databases;
    const drop = () => databases.drop();
    try {
      const config = loadConfig({ SAMTRYGG_ADMIN_PASSWORD: 'a-long-admin-password' });
      const [a, b] = await Promise.all([prepareDatabase(first.db, config), prepareDatabase(second.db, config)]);
      const appliedCounts = [a.applied.length, b.applied.length].sort((x, y) => x - y);
      expect(appliedCounts[0]).toBe(0);
      expect(appliedCounts[1]).toBeGreaterThan(10);

      const migrations = await first.db
        .selectFrom('kysely_migration' as never)
        .selectAll()
        .execute();
      expect(migrations).toHaveLength(appliedCounts[1]!);
      const admins = await first.db.selectFrom('users').select('email').where('role', '=', 'admin').execute();
      expect(admins).toEqual([{ email: 'admin@samtrygg.local' }]);
      const codes = await first.db.selectFrom('organisations').select('code').execute();
      expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length);
      expect(codes.length).toBeGreaterThan(3);
    } finally {
      await drop();
    }
  });
});
