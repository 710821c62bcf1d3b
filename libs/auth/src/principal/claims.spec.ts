import { DEFAULT_CLAIM_MAPPING, InvalidClaimsError, principalFromClaims, readClaim } from './claims';

const reasonOf = (claims: Record<string, unknown>, mapping = DEFAULT_CLAIM_MAPPING) => {
  try {
    principalFromClaims(claims, mapping);
  } catch (error) {
    if (error instanceof InvalidClaimsError) return error.reason;
    throw error;
  }
  throw new Error('expected the claims to be refused');
};

describe('principalFromClaims', () => {
  it('maps sub, tenant_id and roles by default, ignoring roles Tandem does not know', () => {
    expect(
      principalFromClaims(
        { sub: 'u-1', tenant_id: 'acme', roles: ['participant', 'admin', 'analyst', 'participant'] },
        DEFAULT_CLAIM_MAPPING,
      ),
    ).toEqual({
      userId: 'u-1',
      tenantId: 'acme',
      roles: ['participant', 'analyst'],
    });
  });

  it("keeps platform-operator only in tokens of the operators' tenant", () => {
    const claims = { sub: 'u-1', roles: ['platform-operator', 'platform-admin'] };
    const mapping = { ...DEFAULT_CLAIM_MAPPING, operatorTenant: 'tandem-ops' };
    expect(principalFromClaims({ ...claims, tenant_id: 'tandem-ops' }, mapping).roles).toEqual([
      'platform-operator',
      'platform-admin',
    ]);
    expect(principalFromClaims({ ...claims, tenant_id: 'acme' }, mapping).roles).toEqual(['platform-admin']);
    expect(principalFromClaims({ ...claims, tenant_id: 'tandem-ops' }, DEFAULT_CLAIM_MAPPING).roles).toEqual([
      'platform-admin',
    ]);
  });

  it('reads nested claims by dot path (Keycloak realm_access.roles) and namespaced claims by exact name', () => {
    const mapping = {
      userClaim: 'oid',
      tenantClaim: 'https://tandem.example/tenant',
      rolesClaim: 'realm_access.roles',
    };
    const claims = {
      oid: 'u-2',
      'https://tandem.example/tenant': 'globex',
      realm_access: { roles: ['program-admin', 'offline_access'] },
    };
    expect(principalFromClaims(claims, mapping)).toEqual({
      userId: 'u-2',
      tenantId: 'globex',
      roles: ['program-admin'],
    });
  });

  it('accepts roles as a space or comma separated string, and no roles at all', () => {
    expect(
      principalFromClaims(
        { sub: 'u', tenant_id: 't', roles: 'analyst program-admin,participant' },
        DEFAULT_CLAIM_MAPPING,
      ).roles,
    ).toEqual(['analyst', 'program-admin', 'participant']);
    expect(principalFromClaims({ sub: 'u', tenant_id: 't' }, DEFAULT_CLAIM_MAPPING).roles).toEqual([]);
  });

  it('names a missing or malformed user or tenant claim', () => {
    expect(reasonOf({ sub: 'u', roles: [] })).toBe('missing claim tenant_id');
    expect(reasonOf({ tenant_id: 't' })).toBe('missing claim sub');
    expect(reasonOf({ sub: 'u', tenant_id: '' })).toBe('missing claim tenant_id');
    expect(reasonOf({ sub: 'u', tenant_id: { $ne: null } })).toBe('malformed claim tenant_id');
    expect(reasonOf({ sub: 'u', tenant_id: ['a', 'b'] })).toBe('malformed claim tenant_id');
    expect(reasonOf({ sub: 'has space', tenant_id: 't' })).toBe('malformed claim sub');
    expect(reasonOf({ sub: 'u', tenant_id: 'x'.repeat(129) })).toBe('malformed claim tenant_id');
  });
});

describe('readClaim', () => {
  it('does not walk into arrays or inherited properties', () => {
    expect(readClaim({ a: [{ b: 1 }] }, 'a.0.b')).toBeUndefined();
    expect(readClaim({ a: {} }, 'a.constructor')).toBeUndefined();
    expect(readClaim({}, 'toString')).toBeUndefined();
  });
});
