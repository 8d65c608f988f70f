import { defineConfig } from 'vitest/config';

/**
 * Four projects:
 * - `pglite`: every unit and database test, on the embedded PGlite;
 * - `postgres`: the database tests (`*.db.test.ts`) again, on the PostgreSQL server named by
 *   TEST_DATABASE_URL (.ci/run starts one; without it they skip with a loud notice, and in CI fail);
 * - `dom`: component tests of the web app's forms (`*.dom.test.tsx`), Testing Library in happy-dom;
 * - `browser`: end-to-end tests in Debian's chromium (e2e/).
 */
const usePostgres = Boolean(process.env.TEST_DATABASE_URL);
const inCi = Boolean(process.env.CI);

if (!usePostgres) {
  const notice =
    'TEST_DATABASE_URL is not set: the PostgreSQL run of the database tests is SKIPPED (.ci/run starts a server).';
  if (inCi) throw new Error(`${notice} In CI nothing may skip.`);
  // The config is evaluated once per project; say it once.
  if (!process.env.SAMTRYGG_NOTICE_SHOWN) console.warn(`\n\u001b[33m!!! ${notice}\u001b[0m\n`);
  process.env.SAMTRYGG_NOTICE_SHOWN = '1';
}

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true as const,
        test: {
          name: 'pglite',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          env: { SAMTRYGG_TEST_DB: 'pglite' },
          globalSetup: ['./test/support/global-setup.ts'],
        },
      },
      ...(usePostgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
                env: { SAMTRYGG_TEST_DB: 'postgres' },
                globalSetup: ['./test/support/global-setup.ts'],
              },
            },
          ]
        : []),
      {
        extends: true as const,
        test: {
          // Component tests: Testing Library in happy-dom (a real DOM, fast enough to run with the
          // unit tests), against the real server in-process (test/support/dom.tsx).
          name: 'dom',
          include: ['src/web/**/*.dom.test.tsx'],
          environment: 'happy-dom',
          env: { SAMTRYGG_TEST_DB: 'pglite' },
          globalSetup: ['./test/support/global-setup.ts'],
        },
      },
      {
        extends: true as const,
        test: {
          name: 'browser',
          include: ['e2e/**/*.e2e.test.ts'],
          env: { SAMTRYGG_TEST_DB: 'pglite' },
          globalSetup: ['./test/support/global-setup.ts'],
          // One browser at a time: two cores are not enough for parallel chromiums.
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
