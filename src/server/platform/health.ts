import type { FastifyInstance } from 'fastify';

/**
 * Health for people and for orchestrators: `/api/health` (the contract: 200 when the database
 * answers), `/api/health/live` (the process is up and serving: restart it when this fails) and
 * `/api/health/ready` (it can do useful work, i.e. the database answers: route traffic to it).
 */
export async function healthRoutes(app: FastifyInstance, options: { ping: () => Promise<void> }) {
  const ready = async (_request: unknown, reply: { status(code: number): { send(body: unknown): unknown } }) => {
    try {
      await options.ping();
      return { status: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  };
  app.get('/api/health', { config: { public: true } }, ready);
  app.get('/api/health/ready', { config: { public: true } }, ready);
  app.get('/api/health/live', { config: { public: true } }, async () => ({ status: 'ok' }));
}
