import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Metrics } from './metrics.ts';

export const REQUEST_ID_HEADER = 'x-request-id';

// A proxy's or load balancer's request id is kept so one id follows a request through every log;
// anything else (too long, odd characters) is replaced rather than written into the logs.
const acceptableId = /^[A-Za-z0-9._:-]{1,64}$/;

/** Fastify's genReqId: the caller's x-request-id when it is sane, a random UUID otherwise. */
export function requestId(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && acceptableId.test(given) ? given : randomUUID();
}

/** The route pattern (`/api/reports/:id`), so metrics have one series per route and not per id. */
const routeOf = (request: FastifyRequest) => request.routeOptions.url ?? 'unmatched';

/** The path without its query string: queries hold free-text searches, which stay out of the logs. */
const pathOf = (url: string) => url.split('?', 1)[0];

/**
 * One log line per request, written when it ends: at `info` when it failed (5xx) or took longer
 * than `slowMs`, at `debug` otherwise, so normal traffic does not fill the logs. Every request is
 * also counted in the latency histogram, and answers with its request id.
 */
export const requestObserver = fp(
  async (app: FastifyInstance, options: { metrics: Metrics; slowMs: number }) => {
    app.addHook('onRequest', async (request, reply) => {
      reply.header(REQUEST_ID_HEADER, request.id);
    });
    app.addHook('onResponse', async (request, reply) => {
      const route = routeOf(request);
      const seconds = reply.elapsedTime / 1000;
      options.metrics.httpRequestDuration.observe(
        { method: request.method, route, status_code: String(reply.statusCode) },
        seconds,
      );
      const failed = reply.statusCode >= 500;
      const slow = reply.elapsedTime > options.slowMs;
      const line = {
        method: request.method,
        path: pathOf(request.url),
        route,
        statusCode: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        ...(request.actor ? { userId: request.actor.userId } : {}),
      };
      if (failed || slow) request.log.info(line, failed ? 'request failed' : 'slow request');
      else request.log.debug(line, 'request');
    });
  },
  { name: 'samtrygg-request-observer' },
);
