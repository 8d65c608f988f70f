import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { PromisesFeature } from './promises.feature.ts';
import {
  activityImportSchema,
  agreementCreateSchema,
  agreementUpdateSchema,
  activityLogSchema,
  assessmentSchema,
  commitmentCreateSchema,
  commitmentUpdateSchema,
  followUpCommentSchema,
  followUpCreateSchema,
  followUpDatesSchema,
  planCreateSchema,
  planUpdateSchema,
} from '../../../contracts/promises.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A malformed id cannot name anything: answer 404 like any missing record. */
const id = (value: string, entity: string) => {
  if (!UUID.test(value)) throw new NotFoundError(entity);
  return value;
};
const idParams = z.object({ id: z.string() });
const planParams = z.object({ id: z.string(), planId: z.string() });
const boolean = z.enum(['true', 'false']).transform((v) => v === 'true');
const commitmentQuery = z.object({
  agreementId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  promisesOnly: boolean.optional(),
  loggable: boolean.optional(),
});
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** Where the public page lives, from the configured PUBLIC_URL (for links in texts and feeds). */
export const publicPageUrl = (publicUrl: string) => `${publicUrl}/medborgarloften`;

/** Logged-in API of agreements, plans, commitments, activities, follow-ups and evaluations. */
export const promisesRoutes: FastifyPluginAsyncZod<{ promises: PromisesFeature; publicUrl: string }> = async (
  app,
  { promises, publicUrl },
) => {
  const pageUrl = publicPageUrl(publicUrl);
  const { agreements, commitments, followUps, evaluation } = promises;

  app.get('/api/agreements', (request) => agreements.list(requireActor(request)));
  app.post('/api/agreements', { schema: { body: agreementCreateSchema } }, async (request, reply) =>
    reply.status(201).send(await agreements.create(requireActor(request), request.body)),
  );
  app.get('/api/agreements/:id', { schema: { params: idParams } }, (request) =>
    agreements.get(requireActor(request), id(request.params.id, 'Agreement')),
  );
  app.patch('/api/agreements/:id', { schema: { params: idParams, body: agreementUpdateSchema } }, (request) =>
    agreements.update(requireActor(request), id(request.params.id, 'Agreement'), request.body),
  );
  app.post(
    '/api/agreements/:id/plans',
    { schema: { params: idParams, body: planCreateSchema } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await agreements.createPlan(requireActor(request), id(request.params.id, 'Agreement'), request.body)),
  );
  app.patch(
    '/api/agreements/:id/plans/:planId',
    { schema: { params: planParams, body: planUpdateSchema } },
    (request) =>
      agreements.updatePlan(
        requireActor(request),
        id(request.params.id, 'Agreement'),
        id(request.params.planId, 'Plan'),
        request.body,
      ),
  );
  app.put(
    '/api/agreements/:id/follow-up-dates',
    { schema: { params: idParams, body: followUpDatesSchema } },
    (request) =>
      agreements.setFollowUpDates(requireActor(request), id(request.params.id, 'Agreement'), request.body.dates),
  );

  app.get('/api/commitments', { schema: { querystring: commitmentQuery } }, (request) =>
    commitments.list(requireActor(request), request.query),
  );
  app.post('/api/commitments', { schema: { body: commitmentCreateSchema } }, async (request, reply) =>
    reply.status(201).send(await commitments.create(requireActor(request), request.body)),
  );
  app.get('/api/commitments/:id', { schema: { params: idParams } }, (request) =>
    commitments.get(requireActor(request), id(request.params.id, 'Commitment')),
  );
  app.patch('/api/commitments/:id', { schema: { params: idParams, body: commitmentUpdateSchema } }, (request) =>
    commitments.update(requireActor(request), id(request.params.id, 'Commitment'), request.body),
  );
  app.get('/api/commitments/:id/activities', { schema: { params: idParams } }, (request) =>
    commitments.activities(requireActor(request), id(request.params.id, 'Commitment')),
  );
  app.post(
    '/api/commitments/:id/activities',
    { schema: { params: idParams, body: activityLogSchema } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await commitments.log(requireActor(request), id(request.params.id, 'Commitment'), request.body)),
  );
  app.post('/api/commitment-activities/:id/withdraw', { schema: { params: idParams } }, (request) =>
    commitments.withdraw(requireActor(request), id(request.params.id, 'Activity')),
  );
  app.post('/api/commitment-activities/import', { schema: { body: activityImportSchema } }, (request) =>
    commitments.import(requireActor(request), request.body),
  );

  app.get('/api/agreements/:id/follow-ups', { schema: { params: idParams } }, (request) =>
    followUps.list(requireActor(request), id(request.params.id, 'Agreement'), pageUrl),
  );
  app.post(
    '/api/agreements/:id/follow-ups',
    { schema: { params: idParams, body: followUpCreateSchema } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await followUps.create(requireActor(request), id(request.params.id, 'Agreement'), request.body.asOf, pageUrl),
        ),
  );
  app.get('/api/follow-ups/:id', { schema: { params: idParams } }, (request) =>
    followUps.get(requireActor(request), id(request.params.id, 'Follow-up'), pageUrl),
  );
  app.put(
    '/api/follow-ups/:id/comments/:commitmentId',
    { schema: { params: z.object({ id: z.string(), commitmentId: z.string() }), body: followUpCommentSchema } },
    (request) =>
      followUps.comment(
        requireActor(request),
        id(request.params.id, 'Follow-up'),
        id(request.params.commitmentId, 'Commitment'),
        request.body.comment,
        pageUrl,
      ),
  );
  app.post('/api/follow-ups/:id/approve', { schema: { params: idParams } }, (request) =>
    followUps.approve(requireActor(request), id(request.params.id, 'Follow-up'), pageUrl),
  );

  app.put('/api/commitments/:id/assessment', { schema: { params: idParams, body: assessmentSchema } }, (request) =>
    evaluation.assess(requireActor(request), id(request.params.id, 'Commitment'), request.body.assessment),
  );
  app.get('/api/agreements/:id/evaluation', { schema: { params: idParams, querystring: yearQuery } }, (request) =>
    evaluation.evaluate(requireActor(request), id(request.params.id, 'Agreement'), request.query.year),
  );
  app.get(
    '/api/agreements/:id/evaluation.pdf',
    { schema: { params: idParams, querystring: yearQuery } },
    async (request, reply) => {
      const pdf = await evaluation.pdf(requireActor(request), id(request.params.id, 'Agreement'), request.query.year);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="utvardering-medborgarloften-${request.query.year}.pdf"`)
        .send(pdf);
    },
  );
};
