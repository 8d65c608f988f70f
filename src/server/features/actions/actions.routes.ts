import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { existingId, idParamsSchema as idParams } from '../../platform/id-params.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { actionCreateSchema, actionListQuerySchema, actionUpdateSchema } from '../../../contracts/actions.ts';
import type { ActionsService } from './actions.service.ts';

const actionId = (id: string) => existingId('Action', id);

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
