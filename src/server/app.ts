import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { authPlugin } from './platform/auth/auth-plugin.ts';
import { SessionCache } from './platform/auth/session-cache.ts';
import { registerErrorHandler } from './platform/error-handler.ts';
import { personalDataGuard } from './platform/personal-data/guard-plugin.ts';
import { recordRouteTable } from './platform/route-table.ts';
import { textSafety } from './platform/text-safety.ts';
import { createServices, type Services } from './services.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { usersRoutes } from './features/users/users.routes.ts';
import { referenceRoutes } from './features/reference/reference.routes.ts';
import { reportsRoutes } from './features/reports/reports.routes.ts';
import { auditLogRoutes } from './features/audit-log/audit-log.routes.ts';
import { promisesPlugin } from './features/promises/promises.plugin.ts';
import { actionsRoutes } from './features/actions/actions.routes.ts';
import { lagesbildRoutes } from './features/lagesbild/lagesbild.routes.ts';
import { analysisRoutes } from './features/analysis/analysis.routes.ts';
import { cameraRoutes } from './features/cameras/cameras.routes.ts';
import { fundRoutes } from './features/fund/fund.routes.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  /** Injected so tests can move time; defaults to the wall clock. */
  clock?: () => Date;
  /** Built web app to serve; defaults to dist/web when it exists. */
  webRoot?: string | null;
  logger?: boolean;
}

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

const defaultWebRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export async function buildApp(deps: AppDeps): Promise<FastifyInstance & { services: Services }> {
  const { config, database } = deps;
  const clock = deps.clock ?? (() => new Date());
  const app = Fastify({
    logger: deps.logger === false ? false : { level: config.LOG_LEVEL },
    bodyLimit: config.BODY_LIMIT_BYTES,
    // A hop count trusts the addresses nearest the server (what Fastify does for a number, which its types omit).
    trustProxy: typeof config.TRUST_PROXY === 'number' ? trustHops(config.TRUST_PROXY) : config.TRUST_PROXY,
  }).withTypeProvider<ZodTypeProvider>();
  // JSON only: other content types answer 415 instead of reaching a schema as a string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  recordRouteTable(app);
  await app.register(textSafety);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Leaflet positions tiles and markers with inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  const sessions = new SessionCache();
  await app.register(authPlugin, { db: database.db, clock, sessions });

  const services = createServices({ db: database.db, config, clock, sessions });
  await app.register(personalDataGuard, { gazetteer: () => services.reference.gazetteer() });

  app.get('/api/health', { config: { public: true } }, async (_request, reply) => {
    try {
      await database.ping();
      return { status: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });

  await app.register(authRoutes, {
    auth: services.auth,
    cookieSecure: config.COOKIE_SECURE,
    loginRateLimitPerMinute: config.LOGIN_RATE_LIMIT_PER_MINUTE,
  });
  await app.register(usersRoutes, { users: services.users });
  await app.register(referenceRoutes, {
    reference: services.reference,
    tileUrl: config.MAP_TILE_URL,
    tileAttribution: config.MAP_TILE_ATTRIBUTION,
    demo: config.SAMTRYGG_DEMO,
  });
  await app.register(reportsRoutes, { reports: services.reports });
  await app.register(auditLogRoutes, { auditLog: services.auditLog });
  await app.register(promisesPlugin, { promises: services.promises, publicUrl: config.PUBLIC_URL });
  await app.register(actionsRoutes, { actions: services.actions });
  await app.register(lagesbildRoutes, { lagesbild: services.lagesbild });
  await app.register(analysisRoutes, { analysis: services.analysis });
  await app.register(cameraRoutes, { cameras: services.cameras });
  await app.register(fundRoutes, { fund: services.fund });

  const webRoot = deps.webRoot === undefined ? defaultWebRoot : deps.webRoot;
  if (webRoot && existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: 'index.html' });
    // The web app routes on the client: any non-API GET serves its shell.
    app.get('/*', { config: { public: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) {
        return reply.status(404).send({ code: 'NOT_FOUND', message: `No route GET ${request.url}` });
      }
      return reply.sendFile('index.html');
    });
  }

  return Object.assign(app, { services });
}
