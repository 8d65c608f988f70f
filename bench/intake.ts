/**
 * Report intake (issue 2): reports per second and p99 latency with 32 concurrent clients over
 * loopback, on PGlite and on PostgreSQL. Aim: >= 500/s on PostgreSQL with p99 < 50 ms.
 * The server runs in its own process; autocannon generates the load from this one.
 */
import autocannon from 'autocannon';
import { loginHeaders, startServerProcess } from './support.ts';

const ADMIN_PASSWORD = 'bench-admin-password';
const DURATION_SECONDS = 15;

async function measure(label: string, databaseUrl: string | undefined, log: (line: string) => void) {
  const server = await startServerProcess({ databaseUrl, adminPassword: ADMIN_PASSWORD });
  try {
    const admin = await loginHeaders(server.url, 'admin@samtrygg.local', ADMIN_PASSWORD);
    const email = `bench-${Date.now()}@bench.local`;
    const created = await fetch(`${server.url}/api/users`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({
        email,
        name: 'Bench reporter',
        password: 'bench-reporter-pw',
        organisationCode: 'huge-bostader',
        role: 'rapportor',
      }),
    });
    if (created.status !== 201) throw new Error(`create user: ${created.status} ${await created.text()}`);
    const headers = await loginHeaders(server.url, email, 'bench-reporter-pw');
    const body = JSON.stringify({
      categoryCode: 'skadegorelse-klotter',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      location: { lat: 59.2194, lon: 18.1536 },
      description: 'Klotter på busskuren vid stationen, ca 2 m².',
    });
    // Warm-up, so JIT and caches do not count against the figure.
    await autocannon({ url: `${server.url}/api/reports`, method: 'POST', headers, body, connections: 8, duration: 3 });
    const result = await autocannon({
      url: `${server.url}/api/reports`,
      method: 'POST',
      headers,
      body,
      connections: 32,
      duration: DURATION_SECONDS,
    });
    const ok = result['2xx'];
    log(
      `report intake ${label}: ${(ok / DURATION_SECONDS).toFixed(0)} reports/s, p99 ${result.latency.p99} ms, p50 ${result.latency.p50} ms ` +
        `(32 clients, ${DURATION_SECONDS} s, ${ok} stored, ${result.non2xx} non-2xx, ${result.errors} errors; aim >= 500/s, p99 < 50 ms on PostgreSQL)`,
    );
  } finally {
    await server.stop();
  }
}

export async function runIntakeBenchmarks(log: (line: string) => void): Promise<void> {
  await measure('PGlite', undefined, log);
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!pgUrl) {
    log('report intake PostgreSQL: SKIPPED (set BENCH_DATABASE_URL to a PostgreSQL database the benchmark may fill)');
    return;
  }
  await measure('PostgreSQL', pgUrl, log);
}
