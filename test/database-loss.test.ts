import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase, type Database } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrator.ts';
import { seedPackData } from '../src/server/db/seed/seed-pack-data.ts';
import { createOrganisation, createUser, reportBody } from './support/factories.ts';
import { openSession } from './support/matrix.ts';
import { ownPostgresAvailable, startOwnPostgres, type OwnPostgres } from './support/own-postgres.ts';

/**
 * Issue 11.2: the server survives its PostgreSQL going away. 32 clients file reports while the
 * cluster is stopped (`-m fast`, then `-m immediate`) and started again: the process lives, every
 * endpoint answers 503 DATABASE_UNAVAILABLE meanwhile, service resumes within 5 s of the database
 * accepting connections, and every acknowledged (201) report is in the database afterwards.
 */
const CLIENTS = 32;

describe.runIf(ownPostgresAvailable())('a PostgreSQL restart under write load', () => {
  let cluster: OwnPostgres;
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let base: string;
  let headers: Record<string, string>;

  beforeAll(async () => {
    cluster = await startOwnPostgres();
    database = await openDatabase({ databaseUrl: cluster.url, poolSize: 10 });
    await migrateToLatest(database.db);
    await seedPackData(database.db, 'huddinge');
    const org = await createOrganisation(database.db, 'municipality');
    const user = await createUser(database.db, { role: 'rapportor', organisationId: org.id });
    const session = await openSession(database.db, user.id, new Date());
    headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' };
    app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, webRoot: null, logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await cluster?.destroy();
  });

  it('answers 503 while it is down, resumes within 5 s and loses no acknowledged report', async () => {
    const acknowledged: string[] = [];
    const unexpected: string[] = [];
    let unavailable = 0;
    let running = true;

    const fileReports = async (client: number) => {
      for (let i = 0; running; i++) {
        const body = JSON.stringify(reportBody({ description: `Klotter på busskuren, klient ${client} nr ${i}.` }));
        try {
          const response = await fetch(`${base}/api/reports`, { method: 'POST', headers, body });
          const payload = (await response.json()) as { id?: string; code?: string };
          if (response.status === 201) acknowledged.push(payload.id!);
          else if (response.status === 503 && payload.code === 'DATABASE_UNAVAILABLE') unavailable++;
          else unexpected.push(`${response.status} ${JSON.stringify(payload)}`);
        } catch (error) {
          unexpected.push(`request failed: ${String(error)}`); // the server itself went away
        }
        if (unavailable > 0 && !running) break;
      }
    };
    const until = async (condition: () => boolean | Promise<boolean>, what: string, ms = 30_000) => {
      const deadline = Date.now() + ms;
      while (!(await condition())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const status = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(`${base}${path}`, init);
      return { status: response.status, body: (await response.json()) as { code?: string; status?: string } };
    };

    const load = Array.from({ length: CLIENTS }, (_, client) => fileReports(client));
    const recoveries: number[] = [];
    for (const mode of ['fast', 'immediate'] as const) {
      const before = acknowledged.length;
      await until(() => acknowledged.length >= before + 100, `100 reports filed before the ${mode} stop`);
      await cluster.stop(mode);

      // While it is down: every endpoint, the writes included, answers 503 DATABASE_UNAVAILABLE.
      const refusedBefore = unavailable;
      await until(() => unavailable >= refusedBefore + CLIENTS, `the writers to be refused (${mode})`);
      expect(await status('/api/health')).toEqual({ status: 503, body: { status: 'unavailable' } });
      expect((await status('/api/health/ready')).status).toBe(503);
      expect((await status('/api/health/live')).status).toBe(200);
      for (const path of ['/api/reports', '/api/organisations', '/api/lagesbild/2026-W47']) {
        const answer = await status(path, { headers });
        expect(answer, path).toEqual({ status: 503, body: expect.objectContaining({ code: 'DATABASE_UNAVAILABLE' }) });
      }

      await cluster.start(); // returns once the cluster accepts connections
      const back = Date.now();
      const ackedAtRestart = acknowledged.length;
      await until(async () => (await status('/api/health')).status === 200, 'health to answer 200', 5_000);
      await until(() => acknowledged.length > ackedAtRestart, 'a report to be filed again', 5_000);
      recoveries.push(Date.now() - back);
    }
    running = false;
    await Promise.all(load);

    expect(unexpected).toEqual([]);
    expect(recoveries.every((ms) => ms < 5_000)).toBe(true);
    // Every acknowledged report survived, the ones acknowledged just before `-m immediate` too.
    const stored = await database.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', 'in', acknowledged)
      .executeTakeFirstOrThrow();
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    expect(Number(stored.n)).toBe(acknowledged.length);
  }, 180_000);
});
