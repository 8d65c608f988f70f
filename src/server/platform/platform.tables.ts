import type { Generated, GeneratedTimestamp, Json, Timestamp } from '../db/schema.ts';
import type { Geometry } from 'geojson';

import type { Role } from '../../contracts/common.ts';
import type { OrganisationKind } from '../../contracts/reference.ts';

// The value sets are declared once, in the contracts the API validates against.
export type { OrganisationKind, Role };

export interface MunicipalitiesTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string;
  seed_pack: string;
  boundary: Json<Geometry>;
  map_center_lat: number;
  map_center_lon: number;
  map_zoom: number;
  area_tolerance_metres: number;
  updated_at: GeneratedTimestamp;
}

export interface OrganisationsTable {
  id: Generated<string>;
  code: string;
  name: string;
  short_name: string;
  kind: OrganisationKind;
  active: Generated<boolean>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  organisation_id: string;
  role: Role;
  password_hash: string;
  active: Generated<boolean>;
  failed_login_count: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: GeneratedTimestamp;
  last_seen_at: GeneratedTimestamp;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: GeneratedTimestamp;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: Json<Record<string, unknown>>;
}

/** Failed logins for addresses without an account (migration 202611230030). */
export interface LoginFailuresTable {
  email_key: string;
  failed_count: number;
  locked_until: Timestamp | null;
  updated_at: Timestamp;
}

export interface PlatformTables {
  municipalities: MunicipalitiesTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  login_failures: LoginFailuresTable;
}
