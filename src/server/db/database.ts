import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { PoolStats } from '../platform/observability/metrics.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /** Connection use, for the metrics. */
  stats(): PoolStats;
  /**
   * Raw SQL for libraries that bring their own (the job queue): a text with `$n` parameters, or,
   * without parameters, several statements at once. On PGlite it takes its turn on the one
   * connection, so it never lands inside another caller's transaction.
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball (tests copy a migrated template this way). */
  dump?: () => Promise<Blob>;
}

// Type OIDs whose default parsing differs between node-postgres and PGlite; we make both
// return the same JavaScript values so the two databases behave alike.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

/** int8 is used for money (öre) and counts; JavaScript numbers are exact up to 2^53. */
const parseInt8 = (value: string) => Number(value);
const parseDate = (value: string) => value; // keep 'YYYY-MM-DD'; a Date would shift by time zone

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  /** Directory for PGlite; `memory://` for an in-memory database. */
  dataDir?: string;
  /** A PGlite data directory dump to start from (tests use a migrated template). */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPGlite(options.dataDir ?? 'memory://', options.loadDataDir);
}

async function openPostgres(connectionString: string, max: number): Promise<Database> {
  const types = {
    getTypeParser(oid: number, format?: string) {
      if (oid === INT8 || oid === NUMERIC) return parseInt8;
      if (oid === DATE) return parseDate;
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
  const pool = new pg.Pool({
    connectionString,
    max,
    types: types as pg.CustomTypesConfig,
    // A server that is down refuses at once (503); this bounds the wait for an unreachable host, and
    // for a free connection under overload, before the request answers 503 instead of hanging.
    // (At 5 s, 500 concurrent filings per process on a saturated 2-core machine got 503s.)
    connectionTimeoutMillis: 15_000,
  });
  // A connection that dies (server restart, terminated backend) must never end the process. The
  // pool listens on idle clients only, so a client that is in use when its socket closes emitted
  // an unhandled 'error'; this listener stays for the client's whole life. The query in flight
  // rejects on its own (503 to its caller) and the pool drops the broken client on release.
  pool.on('connect', (client) => client.on('error', () => {}));
  pool.on('error', (error) => console.error('PostgreSQL idle client error:', error.message));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    stats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    executeSql: async (text, values) => {
      const result = (await pool.query(text, values)) as pg.QueryResult | pg.QueryResult[];
      return Array.isArray(result) ? { rows: result.at(-1)?.rows ?? [] } : result;
    },
    close: () => db.destroy(),
  };
}

async function openPGlite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir,
    ...(loadDataDir ? { loadDataDir } : {}),
    parsers: { [INT8]: parseInt8, [NUMERIC]: parseInt8, [DATE]: parseDate },
  });
  const dialect = new PGliteDialect(pglite);
  const db = new Kysely<DB>({ dialect });
  return {
    db,
    kind: 'pglite',
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    stats: () => dialect.stats(),
    executeSql: (text, values) =>
      db.connection().execute(async () => {
        if (values && values.length > 0) return pglite.query(text, values);
        const results = await pglite.exec(text); // several statements: one result each
        return { rows: results.at(-1)?.rows ?? [] };
      }),
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
    dump: () => pglite.dumpDataDir('none'),
  };
}
