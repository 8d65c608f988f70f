import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { densityQuerySchema, evaluationQuerySchema, hotspotQuerySchema, nearRepeatQuerySchema } from './analysis.schemas.ts';
import type { AnalysisService } from './analysis.service.ts';

/** Read-only analyses over the reports the caller may see; every route needs a login. */
export const analysisRoutes: FastifyPluginAsyncZod<{ analysis: AnalysisService }> = async (app, { analysis }) => {
  app.get('/api/analysis/hotspots', { schema: { querystring: hotspotQuerySchema } }, (request) =>
    analysis.hotspots(requireActor(request), request.query),
  );
  app.get('/api/analysis/density', { schema: { querystring: densityQuerySchema } }, (request) =>
    analysis.density(requireActor(request), request.query),
  );
  app.get('/api/analysis/near-repeat', { schema: { querystring: nearRepeatQuerySchema } }, (request) =>
    analysis.nearRepeat(requireActor(request), request.query),
  );
  app.get('/api/analysis/evaluation', { schema: { querystring: evaluationQuerySchema } }, (request) =>
    analysis.evaluate(requireActor(request), request.query),
  );
};
