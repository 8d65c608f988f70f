import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loginSchema } from '../../../contracts/auth.ts';
import { SESSION_COOKIE } from '../../platform/auth/auth-plugin.ts';
import type { AuthService } from './auth.service.ts';

export const authRoutes: FastifyPluginAsyncZod<{
  auth: AuthService;
  cookieSecure: boolean;
  loginRateLimitPerMinute: number;
}> = async (app, { auth, cookieSecure, loginRateLimitPerMinute }) => {
  app.post(
    '/api/auth/login',
    {
      schema: { body: loginSchema },
      config: { public: true, rateLimit: { max: loginRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, maxAgeSeconds, session } = await auth.login(request.body.email, request.body.password);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: cookieSecure,
        maxAge: maxAgeSeconds,
      });
      return session;
    },
  );

  app.get('/api/auth/session', { config: { public: true } }, async (request) =>
    auth.session(request.actor, request.csrfToken),
  );

  app.post('/api/auth/logout', { config: { public: true } }, async (request, reply) => {
    await auth.logout(request.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });
};
