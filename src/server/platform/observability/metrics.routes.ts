import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import type { Metrics } from './metrics.ts';

const sameSecret = (given: string, expected: string) =>
  given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

/**
 * `GET /metrics` in Prometheus text format. Open unless `token` is set; then the scraper sends
 * `Authorization: Bearer <token>` (the figures hold no personal data, but route timings and
 * counts are nobody else's business either).
 */
export async function metricsRoutes(app: FastifyInstance, options: { metrics: Metrics; token: string }) {
  app.get('/metrics', { config: { public: true } }, async (request, reply) => {
    if (options.token) {
      const header = request.headers.authorization ?? '';
      if (!sameSecret(header, `Bearer ${options.token}`)) {
        throw new AppError('UNAUTHENTICATED', 401, 'Send Authorization: Bearer <METRICS_TOKEN>');
      }
    }
    reply.header('content-type', options.metrics.registry.contentType);
    reply.header('cache-control', 'no-store');
    return options.metrics.registry.metrics();
  });
}
