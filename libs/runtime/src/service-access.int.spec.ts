import { randomUUID } from 'node:crypto';
import {
  Body,
  Controller,
  Get,
  Module,
  NotFoundException,
  Param,
  Post,
  type INestApplication,
} from '@nestjs/common';
import {
  CurrentPrincipal,
  Public,
  Roles,
  tenantScoped,
  ValidatedBody,
  ValidatedQuery,
  type Principal,
  type TenantOwned,
} from '@tandem/auth';
import { createTestIssuer, startJwksTestIssuer, type TestIssuer } from '@tandem/auth/testing';
import { testInfra, uniqueName } from '@tandem/testing';
import { z } from 'zod';
import { loadServiceConfig } from './config/service-config';
import { MongoConnection } from './mongo/mongo-connection';
import { createServiceApp } from './service-app';
import type { ServiceDefinition } from './service-definition';

interface ProgramDocument extends TenantOwned {
  _id: string;
  name: string;
  status: 'draft' | 'open';
  settings: { minimumScore: number };
}

const createProgramBody = z.strictObject({
  name: z.string().min(1).max(200),
  settings: z.strictObject({ minimumScore: z.number().min(0).max(1) }).default({ minimumScore: 0.5 }),
});
const listProgramsQuery = z.strictObject({ status: z.enum(['draft', 'open']).optional() });

// A tiny service over TenantScopedCollection: the tenant comes from the token, never from the request.
@Controller('programs')
class ProgramsController {
  constructor(private readonly mongo: MongoConnection) {}

  private programs(principal: Principal) {
    return tenantScoped(this.mongo.db.collection<ProgramDocument>('programs'), principal);
  }

  @Post()
  @Roles('program-admin')
  async create(
    @CurrentPrincipal() principal: Principal,
    @ValidatedBody(createProgramBody) body: z.output<typeof createProgramBody>,
  ) {
    const id = randomUUID();
    await this.programs(principal).insertOne({ _id: id, status: 'draft', ...body });
    return { id };
  }

  @Get()
  async list(
    @CurrentPrincipal() principal: Principal,
    @ValidatedQuery(listProgramsQuery) query: z.output<typeof listProgramsQuery>,
  ) {
    return (
      await this.programs(principal)
        .find(query.status ? { status: query.status } : {})
        .toArray()
    ).map(({ _id, name }) => ({ id: _id, name }));
  }

  /** Unvalidated on purpose: the repository layer is the last line. */
  @Post('search')
  async search(@CurrentPrincipal() principal: Principal, @Body() filter: Record<string, unknown>) {
    return this.programs(principal).find(filter).toArray();
  }

  @Post('import')
  @Roles('program-admin')
  importCsv(@Body() csv: string) {
    return { lines: csv.split('\n').length };
  }

  @Get(':id')
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    const program = await this.programs(principal).findOne({ _id: id });
    if (!program) throw new NotFoundException('program not found');
    return { id: program._id, name: program.name, settings: program.settings };
  }
}

@Controller('insights')
class InsightsController {
  @Get()
  @Roles('analyst')
  insights() {
    return { ok: true };
  }

  @Get('status')
  @Public()
  status() {
    return { public: true };
  }
}

@Module({ controllers: [ProgramsController, InsightsController] })
class ProgramsModule {}

const definition: ServiceDefinition = { name: 'access', defaultPort: 0, module: ProgramsModule };
const api = '/api/access/v1';
const admin = (tenant: string) => ({ tenant, sub: `admin-${tenant}`, roles: ['program-admin'] });

async function boot(env: Record<string, string>): Promise<{ app: INestApplication; url: string }> {
  const infra = testInfra();
  const config = loadServiceConfig('access', 0, {
    MONGODB_URI: infra.mongoUri(uniqueName('access')),
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    ...env,
  });
  const app = await createServiceApp(definition, config, { logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

async function close(app: INestApplication): Promise<void> {
  await app.get(MongoConnection).db.dropDatabase();
  await app.close();
}

interface Call {
  readonly token?: string;
  readonly method?: string;
  readonly body?: string | object;
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
}

async function call(
  url: string,
  path: string,
  { token, method = 'GET', body, contentType = 'application/json', headers = {} }: Call = {},
) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...headers,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': contentType } : {}),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
  };
}

describe('a service behind the access guard', () => {
  let issuer: TestIssuer;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    issuer = createTestIssuer();
    ({ app, url } = await boot(issuer.env));
  });

  afterAll(() => close(app));

  it('keeps health public and answers 401 without a token', async () => {
    expect((await call(url, '/health/live')).status).toBe(200);
    expect((await call(url, '/health/ready')).status).toBe(200);
    expect((await call(url, `${api}/insights/status`)).json).toEqual({ public: true });
    const anonymous = await call(url, `${api}/programs`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(anonymous.json).toEqual({
      type: 'https://tandem.dev/problems/unauthenticated',
      title: 'Unauthorized',
      status: 401,
      detail: 'missing bearer token',
      instance: `${api}/programs`,
      code: 'unauthenticated',
    });
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
  });

  it.each([
    ['an expired token', () => issuer.token(admin('acme'), { expiresIn: -120 }), 'expired'],
    [
      'a wrong issuer',
      () => issuer.token(admin('acme'), { issuer: 'https://evil.example/' }),
      'wrong issuer',
    ],
    ['a wrong audience', () => issuer.token(admin('acme'), { audience: 'other-api' }), 'wrong audience'],
    ['alg none', () => issuer.noneAlgToken(admin('acme')), 'algorithm not allowed'],
    ['a token signed with another key', () => issuer.foreignKeyToken(admin('acme')), 'bad signature'],
    [
      'HS256 keyed with the public key',
      () => issuer.hmacWithPublicKeyToken(admin('acme')),
      'algorithm not allowed',
    ],
    [
      'a token without tenant',
      () => issuer.token(admin('acme'), { claims: { tenant_id: undefined } }),
      'missing claim tenant_id',
    ],
  ])('answers 401 to %s, saying why without key material', async (_case, token, reason) => {
    const response = await call(url, `${api}/programs`, { token: await token() });
    expect(response.status).toBe(401);
    expect(response.json).toEqual({
      type: 'https://tandem.dev/problems/unauthenticated',
      title: 'Unauthorized',
      status: 401,
      detail: `invalid token: ${reason}`,
      instance: `${api}/programs`,
      code: 'unauthenticated',
    });
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(response.text).not.toMatch(/BEGIN|-----|MFkw/);
  });

  it('answers 403 to a participant on an admin route and to an analyst outside analytics; platform admins pass', async () => {
    const participant = await issuer.token({ tenant: 'acme', sub: 'u-p', roles: ['participant'] });
    const forbidden = await call(url, `${api}/programs`, {
      token: participant,
      method: 'POST',
      body: { name: 'Sneaky' },
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.json).toMatchObject({
      type: 'https://tandem.dev/problems/forbidden',
      title: 'Forbidden',
      status: 403,
      detail: expect.stringMatching(/roles/),
      instance: `${api}/programs`,
      code: 'forbidden',
    });
    expect((await call(url, `${api}/insights`, { token: participant })).status).toBe(403);
    const analyst = await issuer.token({ tenant: 'acme', sub: 'u-a', roles: ['analyst'] });
    expect((await call(url, `${api}/insights`, { token: analyst })).status).toBe(200);
    expect(
      (
        await call(url, `${api}/programs/import`, {
          token: analyst,
          method: 'POST',
          body: 'a,b',
          contentType: 'text/csv',
        })
      ).status,
    ).toBe(403);
    const platformAdmin = await issuer.token({ tenant: 'acme', sub: 'u-root', roles: ['platform-admin'] });
    expect(
      (
        await call(url, `${api}/programs`, {
          token: platformAdmin,
          method: 'POST',
          body: { name: 'By root' },
        })
      ).status,
    ).toBe(201);
  });

  it("answers 404 to another tenant's resource, with nothing of it in the body", async () => {
    const acme = await issuer.token(admin('acme'));
    const globex = await issuer.token(admin('globex'));
    const name = `Acme secret ${randomUUID()}`;
    const created = await call(url, `${api}/programs`, {
      token: acme,
      method: 'POST',
      body: { name, settings: { minimumScore: 0.7 } },
    });
    expect(created.status).toBe(201);
    const id = created.json?.['id'] as string;
    expect((await call(url, `${api}/programs/${id}`, { token: acme })).json).toEqual({
      id,
      name,
      settings: { minimumScore: 0.7 },
    });
    const foreign = await call(url, `${api}/programs/${id}`, { token: globex });
    expect(foreign.status).toBe(404);
    // `instance` echoes the caller's own request path; nothing else may name the program.
    const { instance, ...problem } = foreign.json ?? {};
    expect(instance).toBe(`${api}/programs/${id}`);
    expect(problem).toMatchObject({ status: 404, code: 'not-found' });
    expect(JSON.stringify(problem)).not.toContain(name);
    expect(JSON.stringify(problem)).not.toContain(id);
    expect(JSON.stringify(problem)).not.toContain('0.7');
    const listed = await call(url, `${api}/programs`, { token: globex });
    expect(listed.text).not.toContain(id);
  });

  it('refuses a body naming a tenant, a status or an id with 400, and writes nothing', async () => {
    const acme = await issuer.token(admin('acme'));
    const name = `Smuggled ${randomUUID()}`;
    const response = await call(url, `${api}/programs`, {
      token: acme,
      method: 'POST',
      body: { name, tenantId: 'globex', status: 'open', id: 'mine', settings: { minimumScore: 3 } },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(response.json).toEqual({
      type: 'https://tandem.dev/problems/validation-failed',
      title: 'Bad Request',
      status: 400,
      detail: 'Invalid request body',
      instance: `${api}/programs`,
      code: 'validation-failed',
      errors: [
        { path: 'settings.minimumScore', code: 'too-big', message: expect.any(String) },
        { path: 'tenantId', code: 'not-allowed', message: 'is not allowed' },
        { path: 'status', code: 'not-allowed', message: 'is not allowed' },
        { path: 'id', code: 'not-allowed', message: 'is not allowed' },
      ],
    });
    expect(await app.get(MongoConnection).db.collection('programs').countDocuments({ name })).toBe(0);
  });

  it('refuses operators in query strings and bodies with 400 naming the field', async () => {
    const acme = await issuer.token(admin('acme'));
    const bracket = await call(url, `${api}/programs?status[$ne]=x`, { token: acme });
    expect(bracket.status).toBe(400);
    expect(bracket.json).toMatchObject({
      detail: 'Invalid request query',
      instance: `${api}/programs`,
      errors: [{ path: 'status[$ne]', code: 'not-allowed', message: 'is not allowed' }],
    });
    const repeated = await call(url, `${api}/programs?status=draft&status=open`, { token: acme });
    expect(repeated.status).toBe(400);
    expect(repeated.json).toMatchObject({ errors: [{ path: 'status' }] });
    const operatorValue = await call(url, `${api}/programs`, {
      token: acme,
      method: 'POST',
      body: '{"name": {"$ne": null}}',
    });
    expect(operatorValue.status).toBe(400);
    expect(operatorValue.json).toMatchObject({ errors: [{ path: 'name', code: 'invalid-type' }] });
    const unvalidated = await call(url, `${api}/programs/search`, {
      token: acme,
      method: 'POST',
      body: '{"name": {"$ne": null}}',
    });
    expect(unvalidated.status).toBe(400);
    expect(unvalidated.json).toMatchObject({
      code: 'validation-failed',
      errors: [{ path: 'name.$ne', code: 'invalid', message: 'query operators are not accepted' }],
    });
  });

  it('answers 413 to a JSON body over 256 kB and to a CSV over 5 MB, and takes CSV below', async () => {
    const acme = await issuer.token(admin('acme'));
    const oversized = await call(url, `${api}/programs`, {
      token: acme,
      method: 'POST',
      body: { name: 'x'.repeat(300 * 1024) },
    });
    expect(oversized.status).toBe(413);
    expect(oversized.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(oversized.json).toEqual({
      type: 'https://tandem.dev/problems/payload-too-large',
      title: 'Payload Too Large',
      status: 413,
      detail: expect.stringMatching(/^request body is larger than \d+ bytes$/),
      instance: `${api}/programs`,
      code: 'payload-too-large',
    });
    const csvLine = 'email,role\n';
    const csv = await call(url, `${api}/programs/import`, {
      token: acme,
      method: 'POST',
      body: csvLine.repeat(100_000),
      contentType: 'text/csv',
    });
    expect(csv.json).toEqual({ lines: 100_001 });
    const bigCsv = await call(url, `${api}/programs/import`, {
      token: acme,
      method: 'POST',
      body: csvLine.repeat(500_000),
      contentType: 'text/csv',
    });
    expect(bigCsv.status).toBe(413);
  });
});

describe('rate limiting', () => {
  let issuer: TestIssuer;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    issuer = createTestIssuer();
    ({ app, url } = await boot({
      ...issuer.env,
      RATE_LIMIT_PER_MINUTE: '3',
      RATE_LIMIT_TENANT_PER_MINUTE: '5',
      RATE_LIMIT_METRICS_PER_MINUTE: '2',
    }));
  });

  afterAll(() => close(app));

  const participant = (tenant: string, sub: string) => issuer.token({ tenant, sub, roles: ['participant'] });
  const statusesOf = async (count: number, request: () => Promise<{ status: number }>) => {
    const statuses = [];
    for (let i = 0; i < count; i++) statuses.push((await request()).status);
    return statuses;
  };

  it('answers 429 with Retry-After once a principal spent its budget; other principals are unaffected', async () => {
    const tenant = `t-${randomUUID()}`;
    const first = await participant(tenant, 'u-busy');
    expect(await statusesOf(3, () => call(url, `${api}/programs`, { token: first }))).toEqual([
      200, 200, 200,
    ]);
    const limited = await call(url, `${api}/programs`, { token: first });
    expect(limited.status).toBe(429);
    expect(limited.text).toContain('rate limit exceeded');
    expect(limited.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(limited.json).toMatchObject({ status: 429, code: 'rate-limited', instance: `${api}/programs` });
    // A one-minute sliding window: the first request's hit expires within the minute.
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await call(url, `${api}/programs`, { token: await participant(tenant, 'u-calm') })).status).toBe(
      200,
    );
    expect((await call(url, '/health/ready')).status).toBe(200);
  });

  it('limits a tenant as a whole, apart from other tenants', async () => {
    const tenant = `t-${randomUUID()}`;
    const users = await Promise.all(['u-1', 'u-2', 'u-3'].map((sub) => participant(tenant, sub)));
    const statuses = [];
    for (const token of users)
      statuses.push(...(await statusesOf(2, () => call(url, `${api}/programs`, { token }))));
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const other = await participant(`t-${randomUUID()}`, 'u-1');
    expect((await call(url, `${api}/programs`, { token: other })).status).toBe(200);
  });

  it('limits bad tokens by client IP in a bucket of their own: token-less routes (calendar feeds) and signed-in callers still pass', async () => {
    // X-Forwarded-For is not trusted by default (TRUST_PROXY=false): a new value per call does not help.
    const flood = await statusesOf(4, () =>
      call(url, `${api}/programs`, {
        token: 'bad.token.here',
        headers: { 'x-forwarded-for': `203.0.113.${Math.floor(Math.random() * 250)}` },
      }),
    );
    expect(flood).toEqual([401, 401, 401, 429]);
    const limited = await call(url, `${api}/programs`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await call(url, `${api}/insights/status`)).json).toEqual({ public: true });
    const token = await participant(`t-${randomUUID()}`, 'u-1');
    expect((await call(url, `${api}/programs`, { token })).status).toBe(200);
  });

  it('gives /metrics its own per-IP bucket, apart from token-less API routes', async () => {
    expect(await statusesOf(3, () => fetch(`${url}/metrics`))).toEqual([200, 200, 429]);
    expect((await call(url, `${api}/insights/status`)).status).toBe(200);
  });
});

describe('client IPs behind a trusted proxy (TRUST_PROXY)', () => {
  it('keys per-IP buckets by X-Forwarded-For only from the configured proxies', async () => {
    const issuer = createTestIssuer();
    const { app, url } = await boot({ ...issuer.env, RATE_LIMIT_PER_MINUTE: '1', TRUST_PROXY: 'loopback' });
    try {
      const from = (ip: string) =>
        call(url, `${api}/programs`, { token: 'bad.token.here', headers: { 'x-forwarded-for': ip } });
      expect((await from('203.0.113.7')).status).toBe(401);
      expect((await from('203.0.113.7')).status).toBe(429);
      expect((await from('198.51.100.9')).status).toBe(401);
    } finally {
      await close(app);
    }
  });
});

describe('keys from a JWKS URL', () => {
  it('verifies with cached keys and picks up a rotated key on its unknown kid', async () => {
    const issuer = await startJwksTestIssuer();
    const { app, url } = await boot(issuer.env);
    try {
      const claims = { tenant: 'acme', sub: 'u-1', roles: ['participant'] };
      for (let i = 0; i < 3; i++)
        expect((await call(url, `${api}/programs`, { token: await issuer.token(claims) })).status).toBe(200);
      expect(issuer.fetchCount()).toBe(1);
      issuer.rotate({ dropOld: true });
      expect((await call(url, `${api}/programs`, { token: await issuer.token(claims) })).status).toBe(200);
      expect((await call(url, `${api}/programs`, { token: await issuer.token(claims) })).status).toBe(200);
      expect(issuer.fetchCount()).toBe(2);
      issuer.rotate({ dropOld: true });
      issuer.failFetches(true);
      const unavailable = await call(url, `${api}/programs`, { token: await issuer.token(claims) });
      expect(unavailable.status).toBe(503);
      expect(unavailable.json).toMatchObject({
        status: 503,
        title: 'Service Unavailable',
        code: 'unavailable',
        detail: 'signing keys unavailable',
      });
    } finally {
      await close(app);
      await issuer.close();
    }
  });
});
