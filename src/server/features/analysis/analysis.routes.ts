import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { requireActor, SESSION_COOKIE } from '../../platform/auth/auth-plugin.ts';
import {
  concentrationQuerySchema,
  densityQuerySchema,
  emergingQuerySchema,
  evaluationQuerySchema,
  hotspotQuerySchema,
  nearRepeatQuerySchema,
} from '../../../contracts/analysis.ts';
import type { AnalysisService } from './analysis.service.ts';

/**
 * Analyses cost CPU seconds, so each session gets a budget (a run of the analysis page is four
 * requests). Keyed by session, not address: a municipality's offices share one address.
 */
export const ANALYSIS_REQUESTS_PER_MINUTE = 120;
const limited = {
  rateLimit: {
    max: ANALYSIS_REQUESTS_PER_MINUTE,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => request.cookies[SESSION_COOKIE] ?? request.ip,
  },
};

/** Read-only analyses over the reports the caller may see; every route needs a login. */
export const analysisRoutes: FastifyPluginAsyncZod<{ analysis: AnalysisService }> = async (app, { analysis }) => {
  app.get('/api/analysis/hotspots', { config: limited, schema: { querystring: hotspotQuerySchema } }, (request) =>
    analysis.hotspots(requireActor(request), request.query),
  );
  app.get('/api/analysis/density', { config: limited, schema: { querystring: densityQuerySchema } }, (request) =>
    analysis.density(requireActor(request), request.query),
  );
  app.get('/api/analysis/near-repeat', { config: limited, schema: { querystring: nearRepeatQuerySchema } }, (request) =>
    analysis.nearRepeat(requireActor(request), request.query),
  );
  app.get('/api/analysis/evaluation', { config: limited, schema: { querystring: evaluationQuerySchema } }, (request) =>
    analysis.evaluate(requireActor(request), request.query),
  );
  app.get('/api/analysis/emerging', { config: limited, schema: { querystring: emergingQuerySchema } }, (request) =>
    analysis.emerging(requireActor(request), request.query),
  );
  app.get(
    '/api/analysis/concentration',
    { config: limited, schema: { querystring: concentrationQuerySchema } },
    (request) => analysis.concentration(requireActor(request), request.query),
  );
};
