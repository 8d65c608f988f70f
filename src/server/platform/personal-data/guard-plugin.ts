import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { z } from 'zod';
import { collectFreeText } from './collect-free-text.ts';
import type { Gazetteer } from './finding.ts';
import { assertNoPersonalData } from './rule.ts';

/**
 * Checks the free-text fields of every request body (those its schema marks with `freeText()`)
 * after validation and before the handler, so no feature can forget the personal-data rule.
 * The gazetteer (the municipality's own place and area names) keeps "Vårby gård" from reading
 * as a person's name; it is loaded only when a body has free text.
 */
export const personalDataGuard = fp(async (app: FastifyInstance, options: { gazetteer: () => Promise<Gazetteer> }) => {
  app.addHook('preHandler', async (request) => {
    const schema = request.routeOptions.schema?.body as z.core.$ZodType | undefined;
    if (!schema || request.body === undefined || typeof schema !== 'object' || !('_zod' in schema)) return;
    const fields = collectFreeText(schema, request.body);
    if (fields.every((f) => !f.text)) return;
    assertNoPersonalData(fields, await options.gazetteer());
  });
});
