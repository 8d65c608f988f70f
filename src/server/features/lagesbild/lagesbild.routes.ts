import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import {
  assessmentInputSchema,
  assessmentParamsSchema,
  historyQuerySchema,
  mapQuerySchema,
  pictureQuerySchema,
  publishInputSchema,
  summaryInputSchema,
  versionParamsSchema,
  weekParamsSchema,
} from '../../../contracts/lagesbild.ts';
import type { LagesbildService } from './lagesbild.service.ts';

const pdfQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1).optional(),
  /** `false` writes uncompressed content streams (readable text; used by tests and archivists). */
  compress: z.enum(['true', 'false']).optional(),
});

export const lagesbildRoutes: FastifyPluginAsyncZod<{ lagesbild: LagesbildService }> = async (app, { lagesbild }) => {
  // Static paths first in meaning; Fastify prefers them over :week anyway.
  app.get('/api/lagesbild/history', { schema: { querystring: historyQuerySchema } }, (request) =>
    lagesbild.history(requireActor(request), request.query),
  );
  app.get(
    '/api/lagesbild/:week',
    { schema: { params: weekParamsSchema, querystring: pictureQuerySchema } },
    (request) => lagesbild.picture(requireActor(request), request.params.week, { live: request.query.live === 'true' }),
  );
  app.get(
    '/api/lagesbild/:week/map',
    { schema: { params: weekParamsSchema, querystring: mapQuerySchema } },
    (request) =>
      lagesbild.map(requireActor(request), request.params.week, {
        live: request.query.live === 'true',
        version: request.query.version,
      }),
  );
  app.get('/api/lagesbild/:week/versions', { schema: { params: weekParamsSchema } }, (request) =>
    lagesbild.versions(requireActor(request), request.params.week),
  );
  app.get('/api/lagesbild/:week/versions/:version', { schema: { params: versionParamsSchema } }, (request) =>
    lagesbild.version(requireActor(request), request.params.week, request.params.version),
  );
  app.put(
    '/api/lagesbild/:week/assessments/:areaCode',
    { schema: { params: assessmentParamsSchema, body: assessmentInputSchema } },
    (request) => lagesbild.assess(requireActor(request), request.params.week, request.params.areaCode, request.body),
  );
  app.put(
    '/api/lagesbild/:week/summary',
    { schema: { params: weekParamsSchema, body: summaryInputSchema } },
    (request) => lagesbild.summarise(requireActor(request), request.params.week, request.body.summary),
  );
  app.post(
    '/api/lagesbild/:week/publish',
    { schema: { params: weekParamsSchema, body: publishInputSchema } },
    async (request, reply) =>
      reply.status(201).send(await lagesbild.publish(requireActor(request), request.params.week, request.body)),
  );
  app.get(
    '/api/lagesbild/:week/pdf',
    { schema: { params: weekParamsSchema, querystring: pdfQuerySchema } },
    async (request, reply) => {
      const { filename, bytes } = await lagesbild.pdf(requireActor(request), request.params.week, {
        version: request.query.version,
        compress: request.query.compress !== 'false',
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(bytes);
    },
  );
};
