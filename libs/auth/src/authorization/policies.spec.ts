import type { Principal, Role } from '../principal/principal';
import {
  canManageProgram,
  canReadAnalytics,
  canViewRelationship,
  hasAnyRole,
  isParticipantOf,
} from './policies';

const principal = (roles: Role[], userId = 'u-1'): Principal => ({ userId, tenantId: 'acme', roles });
const relationship = { mentorUserIds: ['u-mentor'], menteeUserIds: ['u-mentee', 'u-mentee-2'] };

describe('access policies', () => {
  it('passes a principal holding one of the roles, and a platform admin always', () => {
    expect(hasAnyRole(principal(['participant']), ['program-admin', 'participant'])).toBe(true);
    expect(hasAnyRole(principal(['participant']), ['program-admin'])).toBe(false);
    expect(hasAnyRole(principal(['platform-admin']), ['analyst'])).toBe(true);
    expect(hasAnyRole(principal([]), ['participant'])).toBe(false);
  });

  it('does not let a platform admin pass for a platform operator', () => {
    expect(hasAnyRole(principal(['platform-admin']), ['platform-operator'])).toBe(false);
    expect(hasAnyRole(principal(['platform-operator']), ['platform-operator'])).toBe(true);
    expect(hasAnyRole(principal(['platform-admin']), ['platform-operator', 'analyst'])).toBe(true);
  });

  it('lets program admins manage only the programs that list them; platform admins all', () => {
    const program = { adminIds: ['u-1'] };
    expect(canManageProgram(principal(['program-admin']), program)).toBe(true);
    expect(canManageProgram(principal(['program-admin'], 'u-2'), program)).toBe(false);
    expect(canManageProgram(principal(['participant']), program)).toBe(false);
    expect(canManageProgram(principal(['platform-admin'], 'u-9'), program)).toBe(true);
  });

  it('knows mentors and mentees of a relationship, and who else may view it', () => {
    expect(isParticipantOf(principal(['participant'], 'u-mentor'), relationship)).toBe(true);
    expect(isParticipantOf(principal(['participant'], 'u-mentee-2'), relationship)).toBe(true);
    expect(isParticipantOf(principal(['participant'], 'u-other'), relationship)).toBe(false);
    expect(
      canViewRelationship(principal(['program-admin'], 'u-admin'), relationship, { adminIds: ['u-admin'] }),
    ).toBe(true);
    expect(canViewRelationship(principal(['program-admin'], 'u-admin'), relationship, { adminIds: [] })).toBe(
      false,
    );
  });

  it('lets analysts and admins read analytics, not participants', () => {
    expect(canReadAnalytics(principal(['analyst']))).toBe(true);
    expect(canReadAnalytics(principal(['program-admin']))).toBe(true);
    expect(canReadAnalytics(principal(['platform-admin']))).toBe(true);
    expect(canReadAnalytics(principal(['participant']))).toBe(false);
  });
});
