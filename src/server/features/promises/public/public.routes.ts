import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicPageUrl } from '../promises.routes.ts';
import { renderAtomFeed } from './atom-feed.ts';
import { renderPublicPage } from './public-page.ts';
import type { PublicPromisesService } from './public.service.ts';

/** No login: the citizen promises as JSON, as a server-rendered page, and the follow-ups as Atom. */
export const publicPromisesRoutes: FastifyPluginAsyncZod<{
  publicPromises: PublicPromisesService;
  publicUrl: string;
}> = async (app, { publicPromises, publicUrl }) => {
  app.get('/api/public/promises', { config: { public: true } }, () => publicPromises.promises());

  app.get('/medborgarloften', { config: { public: true } }, async (_request, reply) => {
    const page = publicPageUrl(publicUrl);
    const data = await publicPromises.page(page);
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'public, max-age=60')
      .send(renderPublicPage({ ...data, feedUrl: `${page}/feed.atom` }));
  });

  app.get('/medborgarloften/feed.atom', { config: { public: true } }, async (_request, reply) => {
    const page = publicPageUrl(publicUrl);
    const { followUps } = await publicPromises.page(page);
    return reply
      .type('application/atom+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(renderAtomFeed(followUps, { page, feed: `${page}/feed.atom` }));
  });
};
