import type { FastifyInstance, FastifySchema, HTTPMethods } from 'fastify';

/** One registered route as the platform's checks and documents see it. */
export interface RouteEntry {
  method: HTTPMethods;
  url: string;
  schema: FastifySchema | undefined;
  public: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Every route the app registered, in order: read by the checks that must cover every route
     * (the permission matrix, the input fuzz, the personal-data coverage) and by the API document.
     */
    routeTable: RouteEntry[];
  }
}

/** Records every route registered after this call. Call it before registering any route. */
export function recordRouteTable(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat() as HTTPMethods[];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      table.push({ method, url: route.url, schema: route.schema, public: route.config?.public === true });
    }
  });
}
