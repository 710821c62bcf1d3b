import type { Principal, Role } from '../principal/principal';

// Pure access rules. Every principal is already confined to its own tenant by the token, so these
// only decide what it may do inside that tenant.

export function isPlatformAdmin(principal: Principal): boolean {
  return principal.roles.includes('platform-admin');
}

/**
 * True when the principal holds one of `roles`; a platform admin holds every role in its tenant,
 * but not `platform-operator`, which acts across tenants.
 */
export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return roles.some(
    (role) => principal.roles.includes(role) || (role !== 'platform-operator' && isPlatformAdmin(principal)),
  );
}

export function isPlatformOperator(principal: Principal): boolean {
  return principal.roles.includes('platform-operator');
}

/** Program admins manage the programs that list them as admins; platform admins manage all. */
export function canManageProgram(
  principal: Principal,
  program: { readonly adminIds: readonly string[] },
): boolean {
  if (isPlatformAdmin(principal)) return true;
  return principal.roles.includes('program-admin') && program.adminIds.includes(principal.userId);
}

/** Whether the principal is a mentor or a mentee in the relationship (pair or group). */
export function isParticipantOf(
  principal: Principal,
  relationship: { readonly mentorUserIds: readonly string[]; readonly menteeUserIds: readonly string[] },
): boolean {
  return (
    relationship.mentorUserIds.includes(principal.userId) ||
    relationship.menteeUserIds.includes(principal.userId)
  );
}

/** Participants and program admins of a relationship's program may see it; platform admins see all. */
export function canViewRelationship(
  principal: Principal,
  relationship: { readonly mentorUserIds: readonly string[]; readonly menteeUserIds: readonly string[] },
  program: { readonly adminIds: readonly string[] },
): boolean {
  return isParticipantOf(principal, relationship) || canManageProgram(principal, program);
}

/** Analysts and admins read analytics; participants do not. */
export function canReadAnalytics(principal: Principal): boolean {
  return hasAnyRole(principal, ANALYTICS_READERS);
}

/** For `@Roles(...)` on analytics routes. */
export const ANALYTICS_READERS: readonly Role[] = ['analyst', 'program-admin'];

/**
 * For `@Roles(...)` on the routes of matching, goals and sessions: everyone but analysts, who read
 * analytics only.
 */
export const PROGRAM_MEMBERS: readonly Role[] = ['program-admin', 'participant'];

/** A person's personal data (the right of access) is read by that person or a platform admin. */
export function mayReadPersonalData(principal: Principal, userId: string): boolean {
  return principal.userId === userId || isPlatformAdmin(principal);
}
