import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { NotFoundError } from '../../platform/errors.ts';
import {
  applicationDraftSchema,
  applicationListQuerySchema,
  budgetUpdateSchema,
  decisionSchema,
  followUpReportSchema,
  paymentSchema,
  potCreateSchema,
  reviewerAssignSchema,
  reviewSaveSchema,
  yearQuerySchema,
} from '../../../contracts/fund.ts';
import { renderSummaryPdf, renderSummaryXlsx } from './fund-export.ts';
import type { FundServices } from './fund.service.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idParams = z.object({ id: z.string() });
const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** A malformed id cannot name a visible application: answer 404 like any hidden one. */
function applicationId(id: string): string {
  if (!UUID.test(id)) throw new NotFoundError('Application');
  return id;
}

export const fundRoutes: FastifyPluginAsyncZod<{ fund: FundServices }> = async (app, { fund }) => {
  const { budget, applications, decisions } = fund;

  app.get('/api/fund/me', (request) => budget.capabilities(requireActor(request)));
  app.get('/api/fund/pots', { schema: { querystring: yearQuerySchema } }, (request) =>
    budget.pots(requireActor(request), request.query.year),
  );
  app.post('/api/fund/pots', { schema: { body: potCreateSchema } }, async (request, reply) =>
    reply.status(201).send(await budget.createPot(requireActor(request), request.body)),
  );
  app.get('/api/fund/budgets', (request) => budget.budgets(requireActor(request)));
  app.put('/api/fund/budgets/:year', { schema: { params: yearParams, body: budgetUpdateSchema } }, (request) =>
    budget.setBudget(requireActor(request), request.params.year, request.body),
  );
  app.get('/api/fund/overview', { schema: { querystring: yearQuerySchema } }, (request) =>
    budget.overview(requireActor(request), request.query.year),
  );

  app.get('/api/fund/summary/:year.pdf', { schema: { params: yearParams } }, async (request, reply) => {
    const overview = await budget.overview(requireActor(request), request.params.year);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="trygghetsfond-${overview.year}.pdf"`)
      .send(await renderSummaryPdf(overview));
  });
  app.get('/api/fund/summary/:year.xlsx', { schema: { params: yearParams } }, async (request, reply) => {
    const overview = await budget.overview(requireActor(request), request.params.year);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="trygghetsfond-${overview.year}.xlsx"`)
      .send(await renderSummaryXlsx(overview));
  });

  app.get('/api/fund/applications', { schema: { querystring: applicationListQuerySchema } }, (request) =>
    applications.list(requireActor(request), request.query),
  );
  app.post('/api/fund/applications', { schema: { body: applicationDraftSchema } }, async (request, reply) =>
    reply.status(201).send(await applications.createDraft(requireActor(request), request.body)),
  );
  app.get('/api/fund/applications/:id', { schema: { params: idParams } }, (request) =>
    applications.get(requireActor(request), applicationId(request.params.id)),
  );
  app.put('/api/fund/applications/:id', { schema: { params: idParams, body: applicationDraftSchema } }, (request) =>
    applications.updateDraft(requireActor(request), applicationId(request.params.id), request.body),
  );
  app.post('/api/fund/applications/:id/submit', { schema: { params: idParams } }, (request) =>
    applications.submit(requireActor(request), applicationId(request.params.id)),
  );

  app.get('/api/fund/reviewers', (request) => decisions.reviewerCandidates(requireActor(request)));
  app.post(
    '/api/fund/applications/:id/reviewers',
    { schema: { params: idParams, body: reviewerAssignSchema } },
    (request) =>
      decisions.assignReviewer(requireActor(request), applicationId(request.params.id), request.body.reviewerId),
  );
  app.put('/api/fund/applications/:id/review', { schema: { params: idParams, body: reviewSaveSchema } }, (request) =>
    decisions.saveReview(requireActor(request), applicationId(request.params.id), request.body),
  );
  app.post('/api/fund/applications/:id/decision', { schema: { params: idParams, body: decisionSchema } }, (request) =>
    decisions.decide(requireActor(request), applicationId(request.params.id), request.body),
  );
  app.post('/api/fund/applications/:id/payments', { schema: { params: idParams, body: paymentSchema } }, (request) =>
    decisions.pay(requireActor(request), applicationId(request.params.id), request.body),
  );
  app.post(
    '/api/fund/applications/:id/follow-ups/:followUpId',
    { schema: { params: z.object({ id: z.string(), followUpId: z.string() }), body: followUpReportSchema } },
    (request) => {
      if (!UUID.test(request.params.followUpId)) throw new NotFoundError('Follow-up');
      return decisions.reportFollowUp(
        requireActor(request),
        applicationId(request.params.id),
        request.params.followUpId,
        request.body,
      );
    },
  );
  app.get('/api/fund/notifications', (request) => decisions.notifications(requireActor(request)));
};
