import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { z } from 'zod';
import type { RouteEntry } from '../../src/server/platform/route-table.ts';
import { sample, sampleQuery, type SampleOptions } from './schema-samples.ts';
import type { Session } from './test-app.ts';

/**
 * Requests for every route of the route table, for the checks that must reach all of them (the
 * role x endpoint matrix): path parameters point at real records where the API lists some, bodies
 * and queries are schema samples with an ordinary text, so a request gets as far as the code behind it.
 */

type AnySchema = z.core.$ZodType;

export const ORDINARY: SampleOptions = { text: 'Trasig belysning vid gångtunneln', omitOptional: true };

export interface RouteRequest {
  method: RouteEntry['method'];
  url: string;
  payload?: unknown;
}

/** The ISO week (`2026-W47`) of an instant. */
export function isoWeekOf(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The records of a list answer: an array, or the first array property of an object. */
function itemsOf(body: unknown): Record<string, unknown>[] {
  if (Array.isArray(body)) return body as Record<string, unknown>[];
  if (body && typeof body === 'object') {
    for (const value of Object.values(body)) if (Array.isArray(value)) return value as Record<string, unknown>[];
  }
  return [];
}

export interface ParamContext {
  app: FastifyInstance;
  /** Who lists the parent collection (an admin sees the most). */
  lister: Session;
  now: Date;
  /** Ids that must never be a request's target (the matrix's own users). */
  avoid: ReadonlySet<string>;
}

/**
 * A value for each path parameter. `:week`, `:year`, `:tertial` and `:version` come from the
 * clock; an `:id`-like parameter is the first record the collection before it lists (for
 * `/api/camera-sites/:id/inspections/:entryId`, the first of `/api/camera-sites` and then of
 * `/api/camera-sites/<id>/inspections`); where nothing is listed, a sample, which answers 404.
 */
export async function resolveParams(route: RouteEntry, context: ParamContext): Promise<string> {
  const params = (route.schema?.params ? sample(route.schema.params as AnySchema, ORDINARY) : {}) as Record<
    string,
    unknown
  >;
  const parts = route.url.split('/');
  const resolved: string[] = [];
  for (const part of parts) {
    if (!part.startsWith(':')) {
      resolved.push(part);
      continue;
    }
    const [name, suffix = ''] = part.slice(1).split(/(?=\.)/);
    resolved.push(encodeURIComponent(await valueFor(name!, resolved.join('/'), params, context)) + suffix);
  }
  return resolved.join('/');
}

async function valueFor(
  name: string,
  collection: string,
  params: Record<string, unknown>,
  context: ParamContext,
): Promise<string> {
  if (name === 'week') return isoWeekOf(context.now);
  if (name === 'year') return String(context.now.getUTCFullYear());
  if (name === 'version') return '1';
  if (name === 'tertial') return `${context.now.getUTCFullYear()}-T${Math.floor(context.now.getUTCMonth() / 4) + 1}`;
  const listed = await context.app.inject({
    method: 'GET',
    url: collection,
    headers: { cookie: context.lister.cookie },
  });
  if (listed.statusCode === 200) {
    const key = name.toLowerCase().endsWith('code') ? 'code' : 'id';
    const item = itemsOf(listed.json()).find(
      (candidate) => typeof candidate[key] === 'string' && !context.avoid.has(candidate[key] as string),
    );
    if (item) return item[key] as string;
  }
  const sampled = params[name];
  return typeof sampled === 'string' || typeof sampled === 'number' ? String(sampled) : 'okand';
}

export async function requestFor(route: RouteEntry, context: ParamContext): Promise<RouteRequest> {
  const path = await resolveParams(route, context);
  const query = new URLSearchParams(sampleQuery(route.schema?.querystring as AnySchema, ORDINARY)).toString();
  const payload = route.schema?.body ? sample(route.schema.body as AnySchema, ORDINARY) : undefined;
  return {
    method: route.method,
    url: query ? `${path}?${query}` : path,
    ...(payload !== undefined && route.method !== 'GET' ? { payload } : {}),
  };
}

/** Sends a request as a session, or anonymously when the session is null. */
export function sendAs(
  app: FastifyInstance,
  session: Session | null,
  request: RouteRequest,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: request.method,
    url: request.url,
    headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {},
    ...(request.payload !== undefined ? { payload: request.payload as object } : {}),
  });
}
