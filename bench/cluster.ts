/**
 * Several processes on one PostgreSQL (issue 16.8): report intake and the weekly picture with two
 * server processes against one PostgreSQL (a throw-away cluster of the bench's own, durable commits
 * on), requests per second and p99; then kill -9 of one of the two during 1,000 concurrent report
 * submissions: the other keeps serving and nothing acknowledged is lost.
 */
import autocannon from 'autocannon';
import pg from 'pg';
import { weekOf } from '../src/contracts/iso-week.ts';
import { ownPostgresAvailable, startOwnPostgres } from '../test/support/own-postgres.ts';
import { startServerProcess, type ServerProcess } from '../test/support/server-process.ts';
import { loginHeaders } from './support.ts';

const ADMIN_PASSWORD = 'a-long-admin-password';
const DURATION_SECONDS = 15;
const env = { LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT_PER_MINUTE: '100000', DATABASE_POOL_SIZE: '20' };

const reportBody = (i: number) =>
  JSON.stringify({
    categoryCode: 'skadegorelse-klotter',
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    location: { lat: 59.2194 + (i % 50) * 0.0004, lon: 18.1536 },
    description: `Klotter på busskuren vid stationen, ca ${1 + (i % 9)} m².`,
  });

/** Both processes under load at once; the figure is their sum, p99 the worse of the two. */
async function loadBoth(servers: ServerProcess[], options: (url: string) => autocannon.Options) {
  const results = await Promise.all(servers.map((server) => autocannon(options(server.url))));
  const ok = results.reduce((sum, r) => sum + r['2xx'], 0);
  return {
    rps: ok / DURATION_SECONDS,
    p99: Math.max(...results.map((r) => r.latency.p99)),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    bad: results.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
  };
}

export async function runClusterBenchmarks(log: (line: string) => void): Promise<void> {
  if (!ownPostgresAvailable()) return;
  const cluster = await startOwnPostgres();
  const servers = await Promise.all([
    startServerProcess({ databaseUrl: cluster.url, env }),
    startServerProcess({ databaseUrl: cluster.url, env }),
  ]);
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const admin = await loginHeaders(a.url, 'admin@samtrygg.local', ADMIN_PASSWORD);
    const created = await fetch(`${a.url}/api/users`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({
        email: 'bench-reporter@bench.local',
        name: 'Bench reporter',
        password: 'bench-reporter-pw',
        organisationCode: 'huge-bostader',
        role: 'rapportor',
      }),
    });
    if (created.status !== 201) throw new Error(`create user: ${created.status} ${await created.text()}`);
    // One session, used on both processes: sessions live in the database.
    const reporter = await loginHeaders(a.url, 'bench-reporter@bench.local', 'bench-reporter-pw');

    const post = (url: string): autocannon.Options => ({
      url: `${url}/api/reports`,
      method: 'POST',
      headers: reporter,
      body: reportBody(0),
      connections: 16,
      duration: DURATION_SECONDS,
    });
    await loadBoth(servers, (url) => ({ ...post(url), duration: 3 })); // warm-up
    const intake = await loadBoth(servers, post);
    log(
      `report intake, 2 processes on one PostgreSQL: ${intake.rps.toFixed(0)} reports/s, p99 ${intake.p99} ms, ` +
        `p50 ${intake.p50} ms (2 x 16 clients, ${DURATION_SECONDS} s, ${intake.bad} non-2xx/errors)`,
    );

    const week = weekOf(new Date());
    const picture = await loadBoth(servers, (url) => ({
      url: `${url}/api/lagesbild/${week}`,
      headers: admin,
      connections: 8,
      duration: DURATION_SECONDS,
    }));
    const reports = (await client.query('select count(*)::int as n from reports')).rows[0].n as number;
    log(
      `weekly picture ${week}, 2 processes: ${picture.rps.toFixed(0)} pictures/s, p99 ${picture.p99} ms, ` +
        `p50 ${picture.p50} ms (2 x 8 clients, ${reports} reports in the week, ${picture.bad} non-2xx/errors)`,
    );

    // kill -9 of one process in the middle of 1,000 concurrent submissions, 500 to each.
    const acknowledged: string[] = [];
    let failedOnKilled = 0;
    const survivorFailures = new Map<string, number>();
    const failOnSurvivor = (why: string) => survivorFailures.set(why, (survivorFailures.get(why) ?? 0) + 1);
    const submit = async (server: ServerProcess, i: number) => {
      try {
        const response = await fetch(`${server.url}/api/reports`, {
          method: 'POST',
          headers: reporter,
          body: reportBody(i),
        });
        const payload = (await response.json()) as { id?: string; code?: string };
        if (response.status === 201) acknowledged.push(payload.id!);
        else if (server === b) failedOnKilled++;
        else failOnSurvivor(`${response.status} ${payload.code}`);
      } catch (error) {
        if (server === b) failedOnKilled++;
        else failOnSurvivor(String((error as Error).cause ?? error));
      }
    };
    const started = acknowledged.length;
    const all = Array.from({ length: 1000 }, (_, i) => submit(i % 2 === 0 ? a : b, i));
    while (acknowledged.length - started < 150) await new Promise((resolve) => setImmediate(resolve));
    await b.kill();
    await Promise.all(all);
    const after = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        fetch(`${a.url}/api/reports`, { method: 'POST', headers: reporter, body: reportBody(i) }),
      ),
    );
    const stored = await client.query('select count(*)::int as n from reports where id = any($1)', [acknowledged]);
    log(
      `kill -9 during 1,000 concurrent submissions: ${acknowledged.length} acknowledged, ${acknowledged.length - stored.rows[0].n} of them lost; ` +
        `${failedOnKilled} unanswered by the killed process; on the survivor ${JSON.stringify(Object.fromEntries(survivorFailures))}; ` +
        `afterwards the survivor stored ${after.filter((r) => r.status === 201).length} of 100 more`,
    );
  } finally {
    await client.end();
    for (const server of servers) await server.stop().catch(() => {});
    await cluster.destroy();
  }
}
