import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { auditQuerySchema, type AuditLogService } from './audit-log.service.ts';

export const auditLogRoutes: FastifyPluginAsyncZod<{ auditLog: AuditLogService }> = async (app, { auditLog }) => {
  app.get('/api/audit', { schema: { querystring: auditQuerySchema } }, (request) =>
    auditLog.browse(requireActor(request), request.query),
  );
};
