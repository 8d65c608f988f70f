import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { isDatabaseUnavailable } from './database-unavailable.ts';
import { AppError } from './errors.ts';

interface FieldIssue {
  path: string;
  message: string;
  code: string;
}

/**
 * Detail codes are SCREAMING_SNAKE like every other code the API answers; zod's issue codes are
 * snake_case (`too_small`), so they are upper-cased here (`TOO_SMALL`) and nowhere else.
 */
const detailCode = (code: string) => code.toUpperCase();

function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
    code: detailCode(issue.code),
  }));
}

/** Maps every error to `{code, message, details}`; unknown errors become 500 INTERNAL with the request id. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | ZodError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({
        code: error.code,
        message: error.message,
        ...(error.details !== undefined ? { details: error.details } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext ?? 'body';
      return reply.status(400).send({
        code: 'VALIDATION',
        message: `Invalid ${context}`,
        details: error.validation.map((v) => ({
          path: [context, ...v.instancePath.split('/').filter(Boolean)].join('.'),
          message: v.message ?? 'invalid',
          code: detailCode(v.keyword),
        })),
      });
    }
    if (error instanceof ZodError) {
      return reply.status(400).send({ code: 'VALIDATION', message: 'Invalid input', details: zodIssues(error) });
    }
    const fastifyError = error;
    if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send({ code: 'PAYLOAD_TOO_LARGE', message: 'Request body too large' });
    }
    if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send JSON' });
    }
    if (fastifyError.statusCode === 429) {
      return reply.status(429).send({ code: 'RATE_LIMITED', message: 'Too many requests, try again later' });
    }
    if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      return reply.status(fastifyError.statusCode).send({ code: 'BAD_REQUEST', message: fastifyError.message });
    }
    if (isDatabaseUnavailable(error)) {
      // Expected while the database restarts; the pool reconnects by itself when it is back.
      request.log.warn(
        { err: { message: error.message, code: (error as { code?: string }).code } },
        'database unavailable',
      );
      reply.header('retry-after', '5');
      return reply
        .status(503)
        .send({ code: 'DATABASE_UNAVAILABLE', message: 'The database is unavailable; try again shortly' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: 'Internal error', requestId: request.id });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ code: 'NOT_FOUND', message: `No route ${request.method} ${request.url}` });
  });
}
