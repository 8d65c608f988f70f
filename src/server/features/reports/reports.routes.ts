import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  reportCorrectionSchema,
  reportCreateSchema,
  reportListQuerySchema,
  reportReviewSchema,
} from '../../../contracts/reports.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { existingId, idParamsSchema as idParams } from '../../platform/id-params.ts';
import type { LagesbildService } from '../lagesbild/lagesbild.service.ts';
import { feedbackQuerySchema } from '../../../contracts/lagesbild.ts';
import type { ReportsService } from './reports.service.ts';

/** A comma-separated list in the query string (`?numbers=12,15`), at most 200 items. */
const commaList = z
  .string()
  .max(8000)
  .transform((s) =>
    s
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string()).max(200));

/** Reports by id or by their human number (`GET /api/reports/lookup?numbers=12,15&ids=...`). */
export const reportLookupQuerySchema = z.strictObject({
  ids: commaList.pipe(z.array(z.uuid())).default([]),
  numbers: commaList
    .pipe(
      z.array(
        z
          .string()
          .regex(/^\d{1,10}$/)
          .transform(Number)
          .pipe(z.number().int().min(1).max(2_147_483_647)),
      ),
    )
    .default([]),
});

const reportId = (id: string) => existingId('Report', id);

export interface ReportsRoutesOptions {
  reports: ReportsService;
  /** What became of a reporter's reports is compiled by the weekly picture (counted in, acted on). */
  feedback: Pick<LagesbildService, 'feedback' | 'feedbackOnMany'>;
}

export const reportsRoutes: FastifyPluginAsyncZod<ReportsRoutesOptions> = async (app, { reports, feedback }) => {
  app.post('/api/reports', { schema: { body: reportCreateSchema } }, async (request, reply) =>
    reply.status(201).send(await reports.report(requireActor(request), request.body)),
  );
  app.get('/api/reports', { schema: { querystring: reportListQuerySchema } }, (request) =>
    reports.list(requireActor(request), request.query),
  );
  // A static segment: Fastify's router prefers it to `/:id`.
  app.get('/api/reports/lookup', { schema: { querystring: reportLookupQuerySchema } }, (request) =>
    reports.lookup(requireActor(request), request.query),
  );
  app.get('/api/reports/:id', { schema: { params: idParams } }, (request) =>
    reports.get(requireActor(request), reportId(request.params.id)),
  );
  app.patch('/api/reports/:id', { schema: { params: idParams, body: reportCorrectionSchema } }, (request) =>
    reports.correct(requireActor(request), reportId(request.params.id), request.body),
  );
  app.post('/api/reports/:id/withdraw', { schema: { params: idParams } }, (request) =>
    reports.withdraw(requireActor(request), reportId(request.params.id)),
  );
  app.post('/api/reports/:id/review', { schema: { params: idParams, body: reportReviewSchema } }, (request) =>
    reports.review(requireActor(request), reportId(request.params.id), request.body),
  );
  app.get('/api/reports/:id/duplicates', { schema: { params: idParams } }, (request) =>
    reports.likelyDuplicates(requireActor(request), reportId(request.params.id)),
  );
  app.get('/api/reports/feedback', { schema: { querystring: feedbackQuerySchema } }, (request) =>
    feedback.feedbackOnMany(requireActor(request), request.query.ids),
  );
  app.get('/api/reports/:id/feedback', { schema: { params: idParams } }, (request) => {
    const id = reportId(request.params.id);
    return feedback.feedback(requireActor(request), id);
  });
};
