import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireActor, SESSION_COOKIE } from '../../platform/auth/auth-plugin.ts';
import {
  analysisRunCreateSchema,
  concentrationQuerySchema,
  densityQuerySchema,
  emergingQuerySchema,
  evaluationQuerySchema,
  hotspotQuerySchema,
  nearRepeatQuerySchema,
} from '../../../contracts/analysis.ts';
import type { AnalysisService } from './analysis.service.ts';

/**
 * Analyses cost CPU seconds, so each session gets a budget (a run of the analysis page is six
 * requests). Keyed by session, not address: a municipality's offices share one address.
 */
export const ANALYSIS_REQUESTS_PER_MINUTE = 120;
/** Following a run (its status every half second) costs nothing; its own, larger budget. */
export const RUN_POLLS_PER_MINUTE = 1200;

const bySession = (request: FastifyRequest) => request.cookies[SESSION_COOKIE] ?? request.ip;
const limited = { rateLimit: { max: ANALYSIS_REQUESTS_PER_MINUTE, timeWindow: '1 minute', keyGenerator: bySession } };
const polled = { rateLimit: { max: RUN_POLLS_PER_MINUTE, timeWindow: '1 minute', keyGenerator: bySession } };

/** Aborts when the client goes away before the answer is sent, so its analysis stops. */
function untilClosed(reply: FastifyReply): { signal: AbortSignal } {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return { signal: controller.signal };
}

const runParams = z.strictObject({ id: z.uuid() });

/** Read-only analyses over the reports the caller may see; every route needs a login. */
export const analysisRoutes: FastifyPluginAsyncZod<{ analysis: AnalysisService }> = async (app, { analysis }) => {
  app.addHook('onClose', () => analysis.close());

  app.get(
    '/api/analysis/hotspots',
    { config: limited, schema: { querystring: hotspotQuerySchema } },
    (request, reply) => analysis.hotspots(requireActor(request), request.query, untilClosed(reply)),
  );
  app.get('/api/analysis/density', { config: limited, schema: { querystring: densityQuerySchema } }, (request, reply) =>
    analysis.density(requireActor(request), request.query, untilClosed(reply)),
  );
  app.get(
    '/api/analysis/near-repeat',
    { config: limited, schema: { querystring: nearRepeatQuerySchema } },
    (request, reply) => analysis.nearRepeat(requireActor(request), request.query, untilClosed(reply)),
  );
  app.get(
    '/api/analysis/evaluation',
    { config: limited, schema: { querystring: evaluationQuerySchema } },
    (request, reply) => analysis.evaluate(requireActor(request), request.query, untilClosed(reply)),
  );
  app.get(
    '/api/analysis/emerging',
    { config: limited, schema: { querystring: emergingQuerySchema } },
    (request, reply) => analysis.emerging(requireActor(request), request.query, untilClosed(reply)),
  );
  app.get(
    '/api/analysis/concentration',
    { config: limited, schema: { querystring: concentrationQuerySchema } },
    (request, reply) => analysis.concentration(requireActor(request), request.query, untilClosed(reply)),
  );

  // Runs: started in the background, followed for progress and cancellable (analysis-runs.ts).
  app.post(
    '/api/analysis/runs',
    { config: limited, schema: { body: analysisRunCreateSchema } },
    async (request, reply) => reply.code(202).send(analysis.startRun(requireActor(request), request.body)),
  );
  app.get('/api/analysis/runs/:id', { config: polled, schema: { params: runParams } }, (request) =>
    analysis.run(requireActor(request), request.params.id),
  );
  app.delete('/api/analysis/runs/:id', { config: limited, schema: { params: runParams } }, (request) =>
    analysis.cancelRun(requireActor(request), request.params.id),
  );
};
