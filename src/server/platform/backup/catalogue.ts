import { sql, type Kysely } from 'kysely';

/** A table of the application schema with the columns a backup carries (generated ones are recomputed). */
export interface TableInfo {
  name: string;
  columns: string[];
}

// Kysely's lock row is process state, not data; the job queue (schema pgboss) is transient.
const SKIPPED = new Set(['kysely_migration_lock']);

/**
 * The `public` tables in foreign-key order (a table after every table it references), so rows
 * restore in file order without disabling constraints. A self-reference is fine: the rows of one
 * table go in through statements whose FK checks run at the statement's end.
 */
export async function listTables(db: Kysely<any>): Promise<TableInfo[]> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    select c.relname as table_name, a.attname as column_name
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      and a.attgenerated = ''
    order by c.relname, a.attnum`.execute(db);
  const references = await sql<{ child: string; parent: string }>`
    select c.relname as child, p.relname as parent
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_class p on p.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = 'public' and c.oid <> p.oid`.execute(db);

  const byTable = new Map<string, string[]>();
  for (const row of columns.rows) {
    if (SKIPPED.has(row.table_name)) continue;
    byTable.set(row.table_name, [...(byTable.get(row.table_name) ?? []), row.column_name]);
  }
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of references.rows) {
    parents.set(child, (parents.get(child) ?? new Set()).add(parent));
  }
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (name: string) => {
    if (placed.has(name)) return;
    if (visiting.has(name)) throw new Error(`Foreign keys form a cycle through ${name}; backups cannot order it`);
    visiting.add(name);
    for (const parent of parents.get(name) ?? []) if (byTable.has(parent)) place(parent);
    visiting.delete(name);
    placed.add(name);
    ordered.push({ name, columns: byTable.get(name)! });
  };
  for (const name of [...byTable.keys()].sort()) place(name);
  return ordered;
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
