import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/database.ts';
import { ensureAdmin } from '../../src/server/db/seed/ensure-admin.ts';
import type { Services } from '../../src/server/services.ts';
import { openTestDatabase } from '../../test/support/test-database.ts';

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export const ADMIN = { email: 'admin@samtrygg.local', password: 'e2e-admin-password' };

export interface RunningServer {
  url: string;
  app: FastifyInstance & { services: Services };
  database: Database;
  stop(): Promise<void>;
}

/**
 * The real server over real HTTP on a free loopback port, serving the built web app. `clock`
 * replaces the server's time (for scenarios that span months; the browser's is set with page.clock).
 */
export async function startServer(
  env: Record<string, string> = {},
  options: { clock?: () => Date } = {},
): Promise<RunningServer> {
  if (!existsSync(path.join(webRoot, 'index.html'))) {
    throw new Error('dist/web is missing: run `npm run build:web` first (npm test does it)');
  }
  const database = await openTestDatabase();
  await ensureAdmin(database.db, ADMIN);
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const app = await buildApp({
    config,
    database,
    webRoot,
    logger: false,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    database,
    stop: async () => {
      await app.close();
      await database.drop();
    },
  };
}
