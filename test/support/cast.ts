import type { OrganisationKind, Role } from '../../src/server/platform/platform.tables.ts';
import { createOrganisation, createUser } from './factories.ts';
import { login, type Session, type TestContext } from './test-app.ts';

export interface ActorSpec<O extends string> {
  role: Role;
  /** Key of the organisation in `organisations`. */
  of: O;
  name?: string;
}

export interface CastActor extends Session {
  email: string;
  password: string;
  organisation: { id: string; code: string; name: string; kind: OrganisationKind };
}

/**
 * The people of a test, by name: creates each organisation once (a fresh one per test file, so
 * tests never share data), a user per actor, and logs every actor in through the real endpoint.
 *
 *   const { coordinator, reporter } = await cast(ctx, {
 *     organisations: { kommun: 'municipality', bolag: 'housing' },
 *     actors: { coordinator: { role: 'samordnare', of: 'kommun' }, reporter: { role: 'rapportor', of: 'bolag' } },
 *   });
 */
export async function cast<O extends string, A extends string>(
  ctx: TestContext,
  spec: { organisations: Record<O, OrganisationKind>; actors: Record<A, ActorSpec<NoInfer<O>>> },
): Promise<Record<A, CastActor>> {
  const db = ctx.database.db;
  const organisationKeys = Object.keys(spec.organisations) as O[];
  const created = await Promise.all(organisationKeys.map((key) => createOrganisation(db, spec.organisations[key])));
  const organisations = new Map(organisationKeys.map((key, i) => [key, created[i]!]));
  const actorKeys = Object.keys(spec.actors) as A[];
  const actors = await Promise.all(
    actorKeys.map(async (key) => {
      const { role, of, name } = spec.actors[key];
      const organisation = organisations.get(of);
      if (!organisation) throw new Error(`cast: actor ${key} names no declared organisation ${of}`);
      const user = await createUser(db, { role, organisationId: organisation.id, ...(name ? { name } : {}) });
      const session = await login(ctx.app, user.email, user.password);
      return [key, { ...session, email: user.email, password: user.password, organisation }] as const;
    }),
  );
  return Object.fromEntries(actors) as Record<A, CastActor>;
}
