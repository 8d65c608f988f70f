import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { AppError, UnauthenticatedError } from '../errors.ts';
import { findLiveSession } from './session.repository.ts';
import type { SessionCache } from './session-cache.ts';
import { hashToken } from './tokens.ts';

export const SESSION_COOKIE = 'samtrygg_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Marks an /api route that anonymous visitors may call; every other /api route needs a session. */
    public?: boolean;
  }
  interface FastifyRequest {
    /** The logged-in actor, or null for anonymous requests. */
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the session cookie to an actor on every request and enforces CSRF: a
 * state-changing request that carries a session cookie must send the session's token in
 * `x-csrf-token`. Requests without a session stay anonymous; routes decide whether that is allowed.
 */
export const authPlugin = fp(
  async (app: FastifyInstance, options: { db: Kysely<DB>; clock: () => Date; sessions: SessionCache }) => {
    app.decorateRequest('actor', null);
    app.decorateRequest('sessionId', null);
    app.decorateRequest('csrfToken', null);

    // onRequest, before body validation: an anonymous or forged request is turned away
    // before its body is even looked at.
    app.addHook('onRequest', async (request) => {
      const token = request.cookies[SESSION_COOKIE];
      const sessionId = token ? hashToken(token) : undefined;
      const now = options.clock();
      let session = sessionId ? options.sessions.get(sessionId, now.getTime()) : undefined;
      if (sessionId && !session) {
        session = await findLiveSession(options.db, sessionId, now);
        if (session) options.sessions.set(sessionId, session, now.getTime());
      }
      if (session) {
        if (STATE_CHANGING.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
          throw new AppError('CSRF', 403, 'Missing or wrong x-csrf-token header');
        }
        request.actor = session.actor;
        request.sessionId = sessionId!;
        request.csrfToken = session.csrfToken;
        return;
      }
      const isApi = request.url.startsWith('/api/');
      if (isApi && request.is404 !== true && !request.routeOptions.config.public) throw new UnauthenticatedError();
    });
  },
  { name: 'samtrygg-auth', dependencies: ['@fastify/cookie'] },
);

/** The actor of an authenticated request; 401 UNAUTHENTICATED otherwise. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new UnauthenticatedError();
  return request.actor;
}
