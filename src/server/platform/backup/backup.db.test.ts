import { randomBytes } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrator.ts';
import { createOrganisation, createUser, reportBody } from '../../../../test/support/factories.ts';
import { as, createTestContext, login, type TestContext } from '../../../../test/support/test-app.ts';
import { testDatabaseKind, withDatabaseName } from '../../../../test/support/test-database.ts';
import { BackupError, restoreBackup, writeBackup } from './backup.ts';
import { listTables } from './catalogue.ts';

/** A new, empty, migrated database of the kind under test. */
async function emptyMigratedDatabase(): Promise<Database & { drop(): Promise<void> }> {
  let database: Database;
  let drop: () => Promise<void>;
  if (testDatabaseKind() === 'pglite') {
    database = await openDatabase({ dataDir: 'memory://' });
    drop = () => database.close();
  } else {
    const url = inject('postgresUrl');
    const name = `samtrygg_restore_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    database = await openDatabase({ databaseUrl: withDatabaseName(url, name), poolSize: 3 });
    drop = async () => {
      await database.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    };
  }
  await migrateToLatest(database.db);
  return { ...database, drop };
}

async function backupToBuffer(db: Kysely<any>): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeBackup(db, sink, new Date('2026-11-18T12:00:00Z'));
  return Buffer.concat(chunks);
}

/** Every row of every table, as the database renders it, in a stable order. */
async function everyTable(db: Kysely<any>) {
  const result: Record<string, string[]> = {};
  for (const table of await listTables(db)) {
    const rows = await sql<{
      j: string;
    }>`select row_to_json(t)::text as j from ${sql.table(table.name)} t order by 1`.execute(db);
    result[table.name] = rows.rows.map((row) => row.j);
  }
  return result;
}

describe('backup and restore', () => {
  let ctx: TestContext;
  let file: Buffer;

  beforeAll(async () => {
    ctx = await createTestContext();
    const org = await createOrganisation(ctx.database.db, 'municipality');
    const user = await createUser(ctx.database.db, { role: 'samordnare', organisationId: org.id });
    const session = await login(ctx.app, user.email, user.password);
    for (let i = 0; i < 5; i++) {
      const response = await as(ctx.app, session).post(
        '/api/reports',
        reportBody({ description: `Klotter nr ${i} på väggen.` }),
      );
      expect(response.statusCode).toBe(201);
    }
    file = await backupToBuffer(ctx.database.db);
  });
  afterAll(() => ctx?.close());

  it('restores into an empty database with every table equal, identities continuing', async () => {
    const target = await emptyMigratedDatabase();
    try {
      const counts = await restoreBackup(target.db, Readable.from(file));
      expect(counts.reports).toBe(5);
      const [before, after] = [await everyTable(ctx.database.db), await everyTable(target.db)];
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      // Migrations are run, not restored: their names match, their timestamps are the target's own.
      const names = (rows: string[]) => rows.map((row) => (JSON.parse(row) as { name: string }).name);
      expect(names(after.kysely_migration!)).toEqual(names(before.kysely_migration!));
      for (const table of Object.keys(before).filter((t) => t !== 'kysely_migration')) {
        expect(after[table], table).toEqual(before[table]);
      }
      expect(before.users!.length).toBeGreaterThanOrEqual(1);
      expect(before.audit_log!.length).toBeGreaterThan(5);

      // The next audit entry gets the next id, not one that collides with a restored row.
      const max = await sql<{ m: number }>`select max(id) as m from audit_log`.execute(target.db);
      const inserted = await sql<{ id: number }>`
        insert into audit_log (action, entity_type, summary) values ('test.after-restore', 'test', '{}') returning id`.execute(
        target.db,
      );
      expect(Number(inserted.rows[0]!.id)).toBeGreaterThan(Number(max.rows[0]!.m));
    } finally {
      await target.drop();
    }
  }, 120_000);

  it('refuses a database that already has data, and a file that is cut short, changing nothing', async () => {
    await expect(restoreBackup(ctx.database.db, Readable.from(file))).rejects.toThrow(/not empty/);
    const target = await emptyMigratedDatabase();
    try {
      const { gunzipSync, gzipSync } = await import('node:zlib');
      const lines = gunzipSync(file).toString('utf8').trimEnd().split('\n');
      const truncated = gzipSync(lines.slice(0, -1).join('\n'));
      await expect(restoreBackup(target.db, Readable.from(truncated))).rejects.toThrow(BackupError);
      expect(await sql`select 1 from organisations limit 1`.execute(target.db).then((r) => r.rows)).toEqual([]);
      await expect(restoreBackup(target.db, Readable.from(gzipSync('{"format":"x"}')))).rejects.toThrow(
        /Not a Samtrygg backup/,
      );
    } finally {
      await target.drop();
    }
  }, 120_000);
});
