import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase } from '../../src/server/db/database.js';
export const testDatabaseKind = () => process.env.SAMTRYGG_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
/** Connection string of a database on the same server, with another database name. */
export function withDatabaseName(url, name) {
    const parsed = new URL(url);
    parsed.pathname = `/${name}`;
    return parsed.toString();
}
/**
 * A fresh, migrated and seeded database for one test file: a PGlite loaded from the dump the
 * global setup made, or a PostgreSQL database created from the template database. Each file
 * gets its own, so tests never truncate what another test uses.
 */
export async function openTestDatabase() {
    if (testDatabaseKind() === 'postgres') {
        const url = inject('postgresUrl');
        const template = inject('postgresTemplate');
        const name = `samtrygg_t_${randomBytes(6).toString('hex')}`;
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        try {
            await admin.query(`create database ${name} template ${template}`);
        }
        finally {
            await admin.end();
        }
        const database = await openDatabase({ databaseUrl: withDatabaseName(url, name), poolSize: 20 });
        return {
            ...database,
            drop: async () => {
                await database.close();
                const client = new pg.Client({ connectionString: url });
                await client.connect();
                await client.query(`drop database if exists ${name} with (force)`).finally(() => client.end());
            },
        };
    }
    const dump = await readFile(inject('pgliteDump'));
    const database = await openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([dump]) });
    return { ...database, drop: () => database.close() };
}
