/**
 * The weekly picture (issue 3): one week's picture with 1,000,000 reports in the database
 * (generated, 10 years, all areas), p50/p95 over repeated requests through the real app
 * (routing, auth, compile, JSON), on PGlite and on PostgreSQL; and the PDF render time.
 * Aim: p95 < 150 ms on PGlite, < 50 ms on PostgreSQL; PDF < 1 s. Printed, never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase, type Database } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrator.ts';
import type { DB } from '../src/server/db/schema.ts';
import { ensureAdmin } from '../src/server/db/seed/ensure-admin.ts';
import { seedPackData } from '../src/server/db/seed/seed-pack-data.ts';
import { shiftWeek, weekOf } from '../src/contracts/iso-week.ts';

const REPORTS = 1_000_000;
const CHUNK = 100_000;
const ROUNDS = 200;
const ADMIN = { email: 'admin@samtrygg.local', password: 'bench-admin-password' };

/**
 * 1M reports in bulk SQL: time spread evenly over ten years (inserted in time order, as real
 * intake is), areas and categories round-robin, positions uniform over Huddinge's extent,
 * 10 % restricted, 5 % withdrawn.
 */
export async function generate(db: Kysely<DB>, log: (line: string) => void) {
  const author = await db
    .selectFrom('users')
    .select(['id', 'organisation_id'])
    .where('email', '=', ADMIN.email)
    .executeTakeFirstOrThrow();
  const started = Date.now();
  for (let from = 1; from <= REPORTS; from += CHUNK) {
    const to = Math.min(REPORTS, from + CHUNK - 1);
    await sql`
      with a as (select id, (row_number() over (order by code)) - 1 as k, count(*) over () as n from areas),
           c as (select id, (row_number() over (order by code)) - 1 as k, count(*) over () as n from categories)
      insert into reports (category_id, organisation_id, author_id, occurred_at, lat, lon, x, y, area_id, target, description, severity, visibility, status, created_at)
      select c.id, ${author.organisation_id}::uuid, ${author.id}::uuid, t.at,
             59.17 + h.u * 0.11, 17.85 + h.v * 0.35,
             660000 + (h.v * 0.35 - 0.15) * 57000, 6570000 + (h.u * 0.11 - 0.03) * 111000,
             a.id, 'public-space', 'Genererad rapport', 'medium',
             case when g % 10 = 0 then 'restricted' else 'partnership' end,
             case when g % 20 = 7 then 'withdrawn' else 'new' end,
             t.at + interval '1 hour'
      from generate_series(${from}::int, ${to}::int) g
      cross join lateral (select ((g::bigint * 2654435761) % 1000003) / 1000003.0 as u, ((g::bigint * 40503) % 999983) / 999983.0 as v) h
      cross join lateral (select now() - interval '3652 days' + (g::float8 / ${REPORTS}) * interval '3652 days' as at) t
      join a on a.k = g % a.n
      join c on c.k = (g * 7) % c.n`.execute(db);
  }
  // Steady state, as autovacuum keeps a running database: the bulk load leaves every table's
  // statistics and visibility map stale (the weekly counts table too, kept by the trigger).
  await sql`vacuum analyze`.execute(db);
  // And the load's dirty pages written out now, not by a checkpoint in the middle of the timing
  // (a server may refuse a non-superuser; the figures then include that checkpoint).
  await sql`checkpoint`.execute(db).catch(() => log('  (checkpoint refused; timings may include one)'));
  log(`  generated ${REPORTS.toLocaleString('en')} reports in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(label: string, database: Database, log: (line: string) => void, target: number) {
  const existing = await database.db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst()
    .catch(() => undefined);
  if (existing && Number(existing.n) >= REPORTS) {
    log(`  reusing ${Number(existing.n).toLocaleString('en')} reports already in ${label}`);
    const started = Date.now();
    await migrateToLatest(database.db);
    log(`  migrations brought up to date in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } else {
    await migrateToLatest(database.db);
    await seedPackData(database.db, 'huddinge', () => {});
    await ensureAdmin(database.db, ADMIN);
    await generate(database.db, log);
  }
  const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, webRoot: null, logger: false });
  try {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: ADMIN });
    const cookie = `samtrygg_session=${login.cookies.find((c) => c.name === 'samtrygg_session')!.value}`;
    const week = shiftWeek(weekOf(new Date()), -2);
    const get = async (url: string) => {
      const t = performance.now();
      const response = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 300)}`);
      return { ms: performance.now() - t, response };
    };
    // `live` makes the coordinator's request compile the picture even once the week is published.
    const first = await get(`/api/lagesbild/${week}?live=true`);
    const picture = first.response.json() as { total: number; recurringPlaces: unknown[] };
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) times.push((await get(`/api/lagesbild/${week}?live=true`)).ms);
    times.sort((a, b) => a - b);
    log(
      `  lagesbild ${label}: week ${week}, ${picture.total} reports in the week, ${picture.recurringPlaces.length} recurring places shown; compiled ` +
        `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms over ${ROUNDS} requests (first ${first.ms.toFixed(0)} ms; load average ${loadavg()[0]!.toFixed(1)}; aim p95 < ${target} ms)`,
    );
    const mapTimes: number[] = [];
    let mapPoints = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const { ms, response } = await get(`/api/lagesbild/${week}/map?live=true`);
      mapTimes.push(ms);
      mapPoints = (response.json() as { reports: unknown[] }).reports.length;
    }
    mapTimes.sort((a, b) => a - b);
    log(
      `  lagesbild ${label} map (its own request, ${mapPoints} points): p50 ${percentile(mapTimes, 50).toFixed(1)} ms, p95 ${percentile(mapTimes, 95).toFixed(1)} ms over ${ROUNDS} requests`,
    );
    const pdfTimes = async (url: string) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) times.push((await get(url)).ms);
      return times.sort((a, b) => a - b);
    };
    const earlier = ((await get(`/api/lagesbild/${week}/versions`)).response.json() as unknown[]).length;
    // Before publication the PDF compiles the draft; on a kept database the week is already published.
    const draftPdf = earlier === 0 ? await pdfTimes(`/api/lagesbild/${week}/pdf`) : undefined;
    // The usual download is of a published version: a stored snapshot, rendered without compiling.
    const csrf = (login.json() as { csrfToken: string }).csrfToken;
    const payload = earlier > 0 ? { reason: 'Benchmark run again on a kept database' } : {};
    const published = await app.inject({
      method: 'POST',
      url: `/api/lagesbild/${week}/publish`,
      headers: { cookie, 'x-csrf-token': csrf },
      payload,
    });
    if (published.statusCode !== 201)
      throw new Error(`publish: ${published.statusCode} ${published.body.slice(0, 300)}`);
    const publishedPdf = await pdfTimes(`/api/lagesbild/${week}/pdf?version=${earlier + 1}`);
    const reads: number[] = [];
    for (let i = 0; i < ROUNDS; i++) reads.push((await get(`/api/lagesbild/${week}`)).ms);
    reads.sort((a, b) => a - b);
    log(
      `  lagesbild ${label} published: p50 ${percentile(reads, 50).toFixed(1)} ms, p95 ${percentile(reads, 95).toFixed(1)} ms over ${ROUNDS} requests (the stored snapshot)`,
    );
    log(
      `  lagesbild PDF ${label}: published version median ${percentile(publishedPdf, 50).toFixed(0)} ms, max ${publishedPdf[4]!.toFixed(0)} ms` +
        (draftPdf
          ? `; draft (compile + render) median ${percentile(draftPdf, 50).toFixed(0)} ms, max ${draftPdf[4]!.toFixed(0)} ms`
          : '') +
        `; 5 each (aim < 1000 ms)`,
    );
  } finally {
    await app.close();
  }
}

export async function runLagesbildBenchmarks(log: (line: string) => void): Promise<void> {
  // BENCH_LAGESBILD_PGLITE_DIR keeps the generated PGlite database between runs (generating takes minutes).
  const keptDir = process.env.BENCH_LAGESBILD_PGLITE_DIR;
  const dir = keptDir ?? mkdtempSync(path.join(tmpdir(), 'samtrygg-lagesbild-'));
  const pglite = await openDatabase({ dataDir: dir });
  try {
    await measure('PGlite', pglite, log, 150);
  } finally {
    await pglite.close();
    if (!keptDir) rmSync(dir, { recursive: true, force: true });
  }

  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    log(
      '  lagesbild PostgreSQL: SKIPPED (set BENCH_DATABASE_URL or TEST_DATABASE_URL to a server the benchmark may create a database on)',
    );
    return;
  }
  // A throw-away database of its own on that server, dropped afterwards; BENCH_LAGESBILD_PG_DATABASE
  // names one to keep between runs instead (created when missing).
  const keptName = process.env.BENCH_LAGESBILD_PG_DATABASE;
  if (keptName && !/^[a-z_][a-z0-9_]*$/.test(keptName))
    throw new Error('BENCH_LAGESBILD_PG_DATABASE: lower-case letters, digits and _ only');
  const name = keptName ?? `samtrygg_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const postgres = await openDatabase({ databaseUrl: url.toString() });
  try {
    await measure('PostgreSQL', postgres, log, 50);
  } finally {
    await postgres.close();
    if (!keptName) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
