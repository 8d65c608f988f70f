import { createGunzip, createGzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type Kysely } from 'kysely';
import { listTables, quoteIdent, type TableInfo } from './catalogue.ts';

/**
 * A logical backup that both databases write and read alike: gzip'd JSON lines, one row a line,
 * each rendered by the database itself (`row_to_json`) and parsed back by it
 * (`json_populate_recordset`), so every type (timestamptz, jsonb, arrays, numeric) round-trips
 * exactly. Chosen over pg_dump because PGlite has none and one format serves both; written here
 * because no library does this for a Kysely database.
 *
 *   {"format":"samtrygg-backup","version":1,"createdAt":..,"migrations":[..],"tables":[..]}
 *   {"t":"organisations","r":{...}}            ... in foreign-key order
 *   {"end":true,"counts":{"organisations":12,...}}
 */
export const BACKUP_FORMAT = 'samtrygg-backup';
const BATCH = 2_000;

interface Header {
  format: string;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: string[];
}

export class BackupError extends Error {}

/**
 * Writes every table from one snapshot (a repeatable-read transaction): consistent while the server
 * keeps writing. Returns the row count per table.
 */
export async function writeBackup(db: Kysely<any>, out: Writable, now = new Date()): Promise<Record<string, number>> {
  const gzip = createGzip();
  const done = pipeline(gzip, out);
  const write = (line: string) =>
    gzip.write(`${line}\n`) ? Promise.resolve() : new Promise<void>((resolve) => gzip.once('drain', resolve));
  const counts: Record<string, number> = {};
  await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const tables = await listTables(trx);
      const migrations = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(trx);
      const header: Header = {
        format: BACKUP_FORMAT,
        version: 1,
        createdAt: now.toISOString(),
        migrations: migrations.rows.map((row) => row.name),
        tables: tables.map((table) => table.name),
      };
      await write(JSON.stringify(header));
      for (const table of tables) {
        counts[table.name] = 0;
        const select = sql.raw(
          `select row_to_json(t)::text as j from (select ${table.columns.map(quoteIdent).join(', ')} ` +
            `from ${quoteIdent(table.name)} order by ctid) t`,
        );
        // Pages by offset inside one snapshot: the order by ctid is stable while the snapshot lasts.
        for (let offset = 0; ; offset += BATCH) {
          const page = await sql<{ j: string }>`${select} limit ${BATCH} offset ${offset}`.execute(trx);
          for (const row of page.rows) await write(`{"t":${JSON.stringify(table.name)},"r":${row.j}}`);
          counts[table.name] = (counts[table.name] ?? 0) + page.rows.length;
          if (page.rows.length < BATCH) break;
        }
      }
    });
  await write(JSON.stringify({ end: true, counts }));
  gzip.end();
  await done;
  return counts;
}

/**
 * Restores a backup into a database that is migrated to the same migrations and holds no data
 * (`samtrygg restore` migrates an empty one first), in one transaction: all or nothing.
 * Throws BackupError for a file that is not a complete backup, another schema version, or a
 * database that already has data.
 */
export async function restoreBackup(db: Kysely<any>, input: Readable): Promise<Record<string, number>> {
  const lines = createInterface({ input: input.pipe(createGunzip()), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const first = await lines.next();
  const header = first.done ? undefined : (JSON.parse(first.value) as Header);
  if (header?.format !== BACKUP_FORMAT || header.version !== 1) throw new BackupError('Not a Samtrygg backup file');

  return db.transaction().execute(async (trx) => {
    const migrations = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(trx);
    const have = migrations.rows.map((row) => row.name).join('\n');
    if (have !== header.migrations.join('\n')) {
      throw new BackupError(
        'The backup was made at another schema version: restore it with the Samtrygg version that made it, then upgrade',
      );
    }
    const tables = new Map((await listTables(trx)).map((table) => [table.name, table]));
    for (const table of tables.values()) {
      if (table.name === 'kysely_migration') continue;
      const any = await sql.raw(`select 1 from ${quoteIdent(table.name)} limit 1`).execute(trx);
      if (any.rows.length > 0) throw new BackupError(`The database is not empty (table ${table.name} has rows)`);
    }

    // The tables' own triggers (derived counts such as report_week_counts) would count the restored
    // rows a second time: the backup already holds their results. Foreign-key checks stay on.
    for (const table of tables.values()) {
      await sql.raw(`alter table ${quoteIdent(table.name)} disable trigger user`).execute(trx);
    }
    const counts: Record<string, number> = {};
    let pending: { table: TableInfo; rows: string[] } | undefined;
    const flush = async () => {
      if (!pending || pending.rows.length === 0) return;
      const columns = pending.table.columns.map(quoteIdent).join(', ');
      const name = quoteIdent(pending.table.name);
      const insert = sql.raw(
        `insert into ${name} (${columns}) overriding system value select ${columns} ` +
          `from json_populate_recordset(null::${name}, `,
      );
      await sql`${insert}${`[${pending.rows.join(',')}]`}::json)`.execute(trx);
      counts[pending.table.name] = (counts[pending.table.name] ?? 0) + pending.rows.length;
      pending.rows = [];
    };
    let end: { counts: Record<string, number> } | undefined;
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      if (next.value === '') continue;
      const line = JSON.parse(next.value) as {
        t?: string;
        r?: unknown;
        end?: boolean;
        counts?: Record<string, number>;
      };
      if (line.end) {
        end = { counts: line.counts ?? {} };
        break;
      }
      if (line.t === 'kysely_migration') continue; // the migrations ran; checked equal above
      const table = tables.get(line.t ?? '');
      if (!table) throw new BackupError(`The backup has a table this version does not know: ${line.t}`);
      if (pending?.table !== table) {
        await flush();
        pending = { table, rows: [] };
      }
      pending.rows.push(JSON.stringify(line.r));
      if (pending.rows.length >= BATCH) await flush();
    }
    await flush();
    if (!end) throw new BackupError('The backup file is incomplete (no end marker): nothing was restored');
    for (const [name, count] of Object.entries(end.counts)) {
      if (name !== 'kysely_migration' && (counts[name] ?? 0) !== count) {
        throw new BackupError(`Table ${name}: the backup lists ${count} rows but holds ${counts[name] ?? 0}`);
      }
    }
    for (const table of tables.values()) {
      await sql.raw(`alter table ${quoteIdent(table.name)} enable trigger user`).execute(trx);
    }
    await resetIdentities(trx);
    return counts;
  });
}

/** Identity columns continue after the restored values, so the next report gets the next number. */
async function resetIdentities(db: Kysely<any>) {
  const identities = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and is_identity = 'YES'`.execute(db);
  for (const { table_name, column_name } of identities.rows) {
    const table = quoteIdent(table_name);
    const column = quoteIdent(column_name);
    await sql
      .raw(
        `select setval(pg_get_serial_sequence('${table.replaceAll("'", "''")}', '${column_name.replaceAll("'", "''")}'), ` +
          `coalesce(max(${column}), 0) + 1, false) from ${table}`,
      )
      .execute(db);
  }
}
