import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userCreateSchema, userUpdateSchema } from '../../../contracts/auth.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import type { UsersService } from './users.service.ts';

export const usersRoutes: FastifyPluginAsyncZod<{ users: UsersService }> = async (app, { users }) => {
  app.get('/api/users', async (request) => users.list(requireActor(request)));

  app.post('/api/users', { schema: { body: userCreateSchema } }, async (request, reply) => {
    const user = await users.create(requireActor(request), request.body);
    return reply.status(201).send(user);
  });

  app.patch(
    '/api/users/:id',
    { schema: { params: z.object({ id: z.uuid() }), body: userUpdateSchema } },
    async (request) => users.update(requireActor(request), request.params.id, request.body),
  );
};
