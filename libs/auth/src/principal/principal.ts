/**
 * The roles Tandem knows. Mentor and mentee are per enrolment, not roles. `platform-operator` runs
 * the platform itself (across tenants, e.g. rebuilds); it is kept only in tokens of the operators'
 * tenant (`AUTH_OPERATOR_TENANT`), so no tenant's token carries it.
 */
export const ROLES = [
  'platform-admin',
  'program-admin',
  'analyst',
  'participant',
  'platform-operator',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who is calling, taken from a verified token: every read and write is scoped to `tenantId`. */
export interface Principal {
  readonly userId: string;
  readonly tenantId: string;
  readonly roles: readonly Role[];
}
