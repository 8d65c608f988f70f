import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { existingId, idParamsSchema as idParams } from '../../platform/id-params.ts';
import {
  cameraSiteCreateSchema,
  cameraSiteUpdateSchema,
  disclosureCreateSchema,
  faultResolveSchema,
  evaluationQuerySchema,
  inspectionCreateSchema,
  legalBasisSchema,
  sitingQuerySchema,
  statusChangeSchema,
} from '../../../contracts/cameras.ts';
import type { CameraServices } from './camera-services.ts';

/** A malformed id cannot name a site: answer 404 like any missing one. */
const siteId = (id: string) => existingId('Camera site', id);

export const cameraRoutes: FastifyPluginAsyncZod<{ cameras: CameraServices }> = async (app, { cameras }) => {
  const { register, disclosures, analysis } = cameras;
  app.get('/api/camera-sites', (request) => register.list(requireActor(request)));
  app.post('/api/camera-sites', { schema: { body: cameraSiteCreateSchema } }, async (request, reply) =>
    reply.status(201).send(await register.propose(requireActor(request), request.body)),
  );
  app.get('/api/camera-sites/warnings', (request) => register.warnings(requireActor(request)));
  app.get('/api/camera-sites/siting', { schema: { querystring: sitingQuerySchema } }, (request) =>
    analysis.siting(requireActor(request), request.query),
  );
  app.get('/api/camera-sites/:id', { schema: { params: idParams } }, (request) =>
    register.get(requireActor(request), siteId(request.params.id)),
  );
  app.patch('/api/camera-sites/:id', { schema: { params: idParams, body: cameraSiteUpdateSchema } }, (request) =>
    register.update(requireActor(request), siteId(request.params.id), request.body),
  );
  app.put('/api/camera-sites/:id/legal-basis', { schema: { params: idParams, body: legalBasisSchema } }, (request) =>
    register.setLegalBasis(requireActor(request), siteId(request.params.id), request.body),
  );
  app.post('/api/camera-sites/:id/status', { schema: { params: idParams, body: statusChangeSchema } }, (request) =>
    register.changeStatus(requireActor(request), siteId(request.params.id), request.body),
  );
  app.get('/api/camera-sites/:id/inspections', { schema: { params: idParams } }, (request) =>
    register.inspections(requireActor(request), siteId(request.params.id)),
  );
  app.post(
    '/api/camera-sites/:id/inspections',
    { schema: { params: idParams, body: inspectionCreateSchema } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await register.logInspection(requireActor(request), siteId(request.params.id), request.body)),
  );
  app.post(
    '/api/camera-sites/:id/inspections/:entryId/resolve',
    { schema: { params: z.object({ id: z.string(), entryId: z.string() }), body: faultResolveSchema } },
    (request) =>
      register.resolveFault(
        requireActor(request),
        siteId(request.params.id),
        siteId(request.params.entryId),
        request.body,
      ),
  );
  app.get('/api/camera-sites/:id/disclosures', { schema: { params: idParams } }, (request) =>
    disclosures.list(requireActor(request), siteId(request.params.id)),
  );
  app.post(
    '/api/camera-sites/:id/disclosures',
    { schema: { params: idParams, body: disclosureCreateSchema } },
    async (request, reply) =>
      reply.status(201).send(await disclosures.log(requireActor(request), siteId(request.params.id), request.body)),
  );
  app.get(
    '/api/camera-sites/:id/evaluation',
    { schema: { params: idParams, querystring: evaluationQuerySchema } },
    (request) => analysis.evaluate(requireActor(request), siteId(request.params.id), request.query),
  );
};
