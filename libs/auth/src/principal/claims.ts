import { isRole, type Principal } from './principal';

/** Where the principal's parts are in a token's claims; names may be dot paths (`realm_access.roles`). */
export interface ClaimMapping {
  readonly userClaim: string;
  readonly tenantClaim: string;
  readonly rolesClaim: string;
  /** The one tenant whose tokens may carry `platform-operator`; without it, none do. */
  readonly operatorTenant?: string;
}

export const DEFAULT_CLAIM_MAPPING: ClaimMapping = {
  userClaim: 'sub',
  tenantClaim: 'tenant_id',
  rolesClaim: 'roles',
};

/** A verified token whose claims do not make a principal; `reason` is safe to show the caller. */
export class InvalidClaimsError extends Error {
  constructor(readonly reason: `missing claim ${string}` | `malformed claim ${string}`) {
    super(reason);
    this.name = 'InvalidClaimsError';
  }
}

// Ids become query values and log fields: keep them to a conservative alphabet (GUIDs, slugs, URNs).
const identifier = /^[A-Za-z0-9][A-Za-z0-9._:@|-]{0,127}$/;

/**
 * Reads a claim by exact name first (namespaced claims such as `https://tandem.example/tenant`
 * contain dots), then as a dot path into nested objects.
 */
export function readClaim(claims: Readonly<Record<string, unknown>>, name: string): unknown {
  if (Object.hasOwn(claims, name)) return claims[name];
  let current: unknown = claims;
  for (const segment of name.split('.')) {
    if (
      typeof current !== 'object' ||
      current === null ||
      Array.isArray(current) ||
      !Object.hasOwn(current, segment)
    ) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function identifierClaim(claims: Readonly<Record<string, unknown>>, name: string): string {
  const value = readClaim(claims, name);
  if (value === undefined || value === null || value === '')
    throw new InvalidClaimsError(`missing claim ${name}`);
  if (typeof value !== 'string' || !identifier.test(value))
    throw new InvalidClaimsError(`malformed claim ${name}`);
  return value;
}

/** Roles come as an array or a space/comma separated string; roles Tandem does not know are ignored. */
function rolesClaim(claims: Readonly<Record<string, unknown>>, name: string): Principal['roles'] {
  const value = readClaim(claims, name);
  const listed = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return [...new Set(listed.filter(isRole))];
}

/** Turns verified claims into the request principal, or says which claim is missing or malformed. */
export function principalFromClaims(
  claims: Readonly<Record<string, unknown>>,
  mapping: ClaimMapping,
): Principal {
  const tenantId = identifierClaim(claims, mapping.tenantClaim);
  const roles = rolesClaim(claims, mapping.rolesClaim);
  return {
    userId: identifierClaim(claims, mapping.userClaim),
    tenantId,
    // A tenant's identity provider may name any role; operating the platform is not a tenant's to grant.
    roles: tenantId === mapping.operatorTenant ? roles : roles.filter((role) => role !== 'platform-operator'),
  };
}
