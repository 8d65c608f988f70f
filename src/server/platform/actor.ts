import type { OrganisationKind, Role } from './platform.tables.ts';

/** The logged-in person a request acts for. Services receive it explicitly. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  organisationCode: string;
  organisationKind: OrganisationKind;
}

export const ROLES = ['admin', 'samordnare', 'rapportor', 'lasare'] as const satisfies readonly Role[];
