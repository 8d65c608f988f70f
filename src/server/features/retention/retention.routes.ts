import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { legalHoldCreateSchema, type RetentionService } from './retention.service.ts';

export const retentionRoutes: FastifyPluginAsyncZod<{ retention: RetentionService }> = async (app, { retention }) => {
  app.get('/api/retention/report', (request) => retention.report(requireActor(request)));
  app.get('/api/retention/runs', (request) => retention.runs(requireActor(request)));
  app.get('/api/legal-holds', (request) => retention.holds(requireActor(request)));
  app.post('/api/legal-holds', { schema: { body: legalHoldCreateSchema } }, async (request, reply) =>
    reply.status(201).send(await retention.placeHold(requireActor(request), request.body)),
  );
  app.post('/api/legal-holds/:id/release', { schema: { params: z.object({ id: z.uuid() }) } }, (request) =>
    retention.releaseHold(requireActor(request), request.params.id),
  );
};
