import { readdirSync } from 'node:fs';
import PgBoss from 'pg-boss';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownPostgresAvailable, startOwnPostgres, type OwnPostgres } from './support/own-postgres.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';

/**
 * Issue 16.2: any number of server processes on one PostgreSQL. Two real servers start together on
 * an empty database (they migrate and seed once), jobs sent to the shared queue run exactly once
 * across both, the schedule exists once, and SIGTERM ends both cleanly.
 */
const JOBS = 12;
const migrationFiles = readdirSync(new URL('../src/server/db/migrations/', import.meta.url)).filter((f) =>
  /^\d{12}_.*\.ts$/.test(f),
);

describe.runIf(ownPostgresAvailable())('two server processes on one PostgreSQL', () => {
  let cluster: OwnPostgres;
  let client: pg.Client;
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    cluster = await startOwnPostgres();
    servers = await Promise.all([
      startServerProcess({ databaseUrl: cluster.url }),
      startServerProcess({ databaseUrl: cluster.url }),
    ]);
    client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
  }, 180_000);

  afterAll(async () => {
    await client?.end();
    for (const server of servers) await server.kill().catch(() => {});
    await cluster?.destroy();
  });

  it('migrated and seeded once, and both serve', async () => {
    const migrations = await client.query('select name from kysely_migration');
    expect(migrations.rowCount).toBe(migrationFiles.length);
    const admins = await client.query("select email from users where role = 'admin'");
    expect(admins.rows).toEqual([{ email: 'admin@samtrygg.local' }]);
    const applied = servers.map((s) => /Applied (\d+) migration/.exec(s.output())?.[1] ?? '0');
    expect(applied.sort()).toEqual(['0', String(migrationFiles.length)]);
    for (const server of servers) expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('runs each job exactly once across both processes, and schedules it once', async () => {
    const schedules = await client.query('select name from pgboss.schedule order by name');
    expect(schedules.rows).toEqual([{ name: 'auth.purge-expired-sessions' }, { name: 'retention.run' }]);

    const admin = await client.query("select id from users where role = 'admin'");
    // Expired by any clock: the servers judge expiry by their own clock, which need not be the database's.
    await client.query(
      `insert into sessions (id, user_id, csrf_token, expires_at) values ('expired', $1, 'c', timestamptz '2000-01-01T00:00:00Z')`,
      [admin.rows[0].id],
    );
    const sender = new PgBoss({ connectionString: cluster.url, supervise: false, schedule: false, max: 2 });
    await sender.start();
    const ids: string[] = [];
    try {
      for (let i = 0; i < JOBS; i++) ids.push((await sender.send('auth.purge-expired-sessions', {}))!);
    } finally {
      await sender.stop({ graceful: false, close: true });
    }

    const deadline = Date.now() + 60_000;
    for (;;) {
      const done = await client.query(
        "select count(*)::int as n from pgboss.job where id = any($1) and state = 'completed'",
        [ids],
      );
      if (done.rows[0].n === JOBS) break;
      if (Date.now() > deadline) throw new Error(`only ${done.rows[0].n} of ${JOBS} jobs completed`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const completions = servers.flatMap((server, index) =>
      server
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg?: string; job?: string; jobId?: string; result?: { purged: number } })
        .filter((line) => line.msg === 'job completed' && line.job === 'auth.purge-expired-sessions')
        .map((line) => ({ server: index, jobId: line.jobId!, purged: line.result!.purged })),
    );
    // Every job sent ran once, in one of the two processes. The schedule may also have fired (on a
    // server whose clock is far from the database's it fires at start): counting every run of the
    // job, the expired session was purged exactly once.
    expect(
      completions
        .map((c) => c.jobId)
        .filter((id) => ids.includes(id))
        .sort(),
    ).toEqual([...ids].sort());
    expect(completions.reduce((sum, c) => sum + c.purged, 0)).toBe(1);
    const retries = await client.query('select max(retry_count)::int as n from pgboss.job where id = any($1)', [ids]);
    expect(retries.rows[0].n).toBe(0);
    expect((await client.query("select 1 from sessions where id = 'expired'")).rowCount).toBe(0);
  }, 90_000);

  it('ends both on SIGTERM with exit code 0', async () => {
    const codes = await Promise.all(servers.map((server) => server.stop()));
    servers = [];
    expect(codes).toEqual([0, 0]);
  }, 60_000);
});
