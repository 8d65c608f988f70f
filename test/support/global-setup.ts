import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrator.ts';
import { seedPackData } from '../../src/server/db/seed/seed-pack-data.ts';
import { withDatabaseName } from './test-database.ts';

// One template per run, so concurrent runs against the same server do not drop each other's.
const TEMPLATE = `samtrygg_test_template_${process.pid}`;

/**
 * Migrates and seeds one template database per run, so each test file starts from a copy
 * instead of migrating again: a PGlite data-directory dump, or a PostgreSQL template database.
 */
export default async function setup(project: TestProject) {
  const kind = project.config.env?.SAMTRYGG_TEST_DB ?? process.env.SAMTRYGG_TEST_DB;
  if (kind === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set: the postgres project needs a server (see .ci/run)');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${TEMPLATE} with (force)`);
    await admin.query(`create database ${TEMPLATE}`);
    const database = await openDatabase({ databaseUrl: withDatabaseName(url, TEMPLATE), poolSize: 2 });
    try {
      await migrateToLatest(database.db);
      await seedPackData(database.db, 'huddinge');
    } finally {
      await database.close();
    }
    await admin.end();
    project.provide('postgresUrl', url);
    project.provide('postgresTemplate', TEMPLATE);
    project.provide('pgliteDump', '');
    return async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop database if exists ${TEMPLATE} with (force)`).finally(() => void client.end());
    };
  }
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrateToLatest(database.db);
  await seedPackData(database.db, 'huddinge');
  const dir = await mkdtemp(path.join(tmpdir(), 'samtrygg-test-'));
  const file = path.join(dir, 'template.tar');
  await writeFile(file, Buffer.from(await (await database.dump!()).arrayBuffer()));
  await database.close();
  project.provide('pgliteDump', file);
  project.provide('postgresUrl', '');
  project.provide('postgresTemplate', '');
}
