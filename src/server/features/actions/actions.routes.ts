import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { actionCreateSchema, actionListQuerySchema, actionUpdateSchema } from '../../../contracts/actions.ts';
import type { ActionsService } from './actions.service.ts';

// A malformed id names no action: 404 like a missing one.
const idParams = z.object({ id: z.string() });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIL = '00000000-0000-0000-0000-000000000000';
const actionId = (id: string) => (UUID.test(id) ? id : NIL);

export const actionsRoutes: FastifyPluginAsyncZod<{ actions: ActionsService }> = async (app, { actions }) => {
  app.get('/api/actions', { schema: { querystring: actionListQuerySchema } }, (request) =>
    actions.list(requireActor(request), request.query),
  );
  app.post('/api/actions', { schema: { body: actionCreateSchema } }, async (request, reply) =>
    reply.status(201).send(await actions.decide(requireActor(request), request.body)),
  );
  app.get('/api/actions/:id', { schema: { params: idParams } }, (request) =>
    actions.get(requireActor(request), actionId(request.params.id)),
  );
  app.patch('/api/actions/:id', { schema: { params: idParams, body: actionUpdateSchema } }, (request) =>
    actions.update(requireActor(request), actionId(request.params.id), request.body),
  );
};
