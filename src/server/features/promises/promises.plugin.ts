import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PromisesFeature } from './promises.feature.ts';
import { promisesRoutes } from './promises.routes.ts';
import { publicPromisesRoutes } from './public/public.routes.ts';

/** Registers the logged-in API and the public pages; one line in app.ts. */
export const promisesPlugin: FastifyPluginAsyncZod<{ promises: PromisesFeature; publicUrl: string }> = async (
  app,
  { promises, publicUrl },
) => {
  await app.register(promisesRoutes, { promises, publicUrl });
  await app.register(publicPromisesRoutes, { publicPromises: promises.publicView, publicUrl });
};
