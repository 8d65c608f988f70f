import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFreeText } from '../../../contracts/free-text.ts';
import {
  categoryCreateSchema,
  categoryUpdateSchema,
  focusAreaUpdateSchema,
  organisationCreateSchema,
  organisationUpdateSchema,
  placeCreateSchema,
} from '../../../contracts/reference.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import type { ReferenceService } from './reference.service.ts';

const anonymous = { config: { public: true } };
/** GeoJSON uploads are validated by the areas feature, which lists every problem at once. */
const areaUploadSchema = notFreeText(z.unknown(), 'GeoJSON; the reference service checks its area names');
const boundaryUploadSchema = notFreeText(z.unknown(), 'GeoJSON geometry without texts');
const codeParams = z.object({ code: z.string().min(1).max(64) });

/**
 * Reference data. Reading needs no login: it is the partnership's public vocabulary
 * (organisation names, categories, district outlines) and the public pages use it too.
 */
export const referenceRoutes: FastifyPluginAsyncZod<{
  reference: ReferenceService;
  tileUrl: string;
  tileAttribution: string;
  demo: boolean;
}> = async (app, { reference, tileUrl, tileAttribution, demo }) => {
  app.get('/api/organisations', anonymous, () => reference.listOrganisations());
  app.get('/api/focus-areas', anonymous, () => reference.listFocusAreas());
  app.get('/api/categories', anonymous, () => reference.listCategories());
  app.get('/api/areas', anonymous, () => reference.listAreas());
  app.get('/api/places', anonymous, () => reference.listPlaces());
  app.get('/api/municipality', anonymous, async () => {
    const { areaToleranceMetres: _internal, ...municipality } = await reference.municipality();
    return { ...municipality, tileUrl, tileAttribution, demo };
  });

  app.post('/api/organisations', { schema: { body: organisationCreateSchema } }, async (request, reply) =>
    reply.status(201).send(await reference.createOrganisation(requireActor(request), request.body)),
  );
  app.patch('/api/organisations/:code', { schema: { params: codeParams, body: organisationUpdateSchema } }, (request) =>
    reference.updateOrganisation(requireActor(request), request.params.code, request.body),
  );
  app.patch('/api/focus-areas/:code', { schema: { params: codeParams, body: focusAreaUpdateSchema } }, (request) =>
    reference.updateFocusArea(requireActor(request), request.params.code, request.body),
  );
  app.post('/api/categories', { schema: { body: categoryCreateSchema } }, async (request, reply) =>
    reply.status(201).send(await reference.createCategory(requireActor(request), request.body)),
  );
  app.patch('/api/categories/:code', { schema: { params: codeParams, body: categoryUpdateSchema } }, (request) =>
    reference.updateCategory(requireActor(request), request.params.code, request.body),
  );
  app.post('/api/places', { schema: { body: placeCreateSchema } }, async (request, reply) =>
    reply.status(201).send(await reference.createPlace(requireActor(request), request.body)),
  );
  // GeoJSON uploads are validated by the area rules, which report every problem at once.
  app.put('/api/areas', { schema: { body: areaUploadSchema } }, (request) =>
    reference.replaceAreas(requireActor(request), request.body),
  );
  app.put('/api/municipality/boundary', { schema: { body: boundaryUploadSchema } }, (request) =>
    reference.replaceBoundary(requireActor(request), request.body),
  );
};
