import { randomUUID } from 'node:crypto';
import { Controller, Module, Param, Post, type INestApplication } from '@nestjs/common';
import { ValidatedBody } from '@tandem/auth';
import { createTestIssuer } from '@tandem/auth/testing';
import { DomainError } from '@tandem/kernel';
import { testInfra, uniqueName } from '@tandem/testing';
import { z } from 'zod';
import { loadServiceConfig } from './config/service-config';
import { MongoConnection } from './mongo/mongo-connection';
import { createServiceApp } from './service-app';
import type { ServiceDefinition } from './service-definition';

const scheduleBody = z.strictObject({
  title: z.string().min(1),
  durationMinutes: z.number().int().min(15).max(240),
});

@Controller('sessions')
class SessionsController {
  @Post()
  schedule(@ValidatedBody(scheduleBody) body: z.output<typeof scheduleBody>) {
    return { id: randomUUID(), ...body };
  }

  @Post(':id/cancel')
  cancel(@Param('id') id: string): never {
    throw new DomainError('session-already-held', `Session ${id} was held; it cannot be cancelled`);
  }
}

@Module({ controllers: [SessionsController] })
class SessionsModule {}

const definition: ServiceDefinition = { name: 'problems', defaultPort: 0, module: SessionsModule };
const api = '/api/problems/v1';
const members = ['code', 'detail', 'instance', 'status', 'title', 'type'];

describe('error answers of a service', () => {
  const issuer = createTestIssuer();
  let app: INestApplication;
  let url: string;
  let token: string;

  beforeAll(async () => {
    const infra = testInfra();
    const config = loadServiceConfig('problems', 0, {
      MONGODB_URI: infra.mongoUri(uniqueName('problems')),
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      ...issuer.env,
    });
    app = await createServiceApp(definition, config, { logger: false });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    token = await issuer.token({ tenant: 'acme', sub: `u-${randomUUID()}`, roles: ['participant'] });
  });

  afterAll(async () => {
    await app.get(MongoConnection).db.dropDatabase();
    await app.close();
  });

  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${url}${api}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: (await response.json()) as Record<string, unknown>,
    };
  };

  it('answers invalid input, a refused rule and an unknown route with the same problem+json members', async () => {
    const invalid = await post('/sessions', { title: '', durationMinutes: 5 });
    const id = randomUUID();
    const refused = await post(`/sessions/${id}/cancel`, {});
    const unknown = await post('/no-such-route', {});

    for (const answer of [invalid, refused, unknown]) {
      expect(answer.contentType).toBe('application/problem+json; charset=utf-8');
      expect(
        Object.keys(answer.body)
          .filter((key) => key !== 'errors')
          .sort(),
      ).toEqual(members);
      expect(answer.body['type']).toBe(`https://tandem.dev/problems/${answer.body['code'] as string}`);
      expect(answer.body['status']).toBe(answer.status);
    }
    expect(invalid).toMatchObject({ status: 400 });
    expect(invalid.body).toEqual({
      type: 'https://tandem.dev/problems/validation-failed',
      title: 'Bad Request',
      status: 400,
      detail: 'Invalid request body',
      instance: `${api}/sessions`,
      code: 'validation-failed',
      errors: [
        { path: 'title', code: 'too-small', message: expect.any(String) },
        { path: 'durationMinutes', code: 'too-small', message: expect.stringMatching(/>=15/) },
      ],
    });
    expect(refused.body).toEqual({
      type: 'https://tandem.dev/problems/session-already-held',
      title: 'Conflict',
      status: 409,
      detail: `Session ${id} was held; it cannot be cancelled`,
      instance: `${api}/sessions/${id}/cancel`,
      code: 'session-already-held',
    });
    expect(unknown.body).toEqual({
      type: 'https://tandem.dev/problems/not-found',
      title: 'Not Found',
      status: 404,
      detail: `Cannot POST ${api}/no-such-route`,
      instance: `${api}/no-such-route`,
      code: 'not-found',
    });
  });

  it('answers a request Node cannot parse (headers over 16 KiB) as problem details too', async () => {
    const response = await fetch(`${url}${api}/sessions?q=${'x'.repeat(20_000)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(431);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 431, code: 'headers-too-large' });
  });

  it('documents the ProblemDetails schema with its errors[] item once in the OpenAPI components', async () => {
    const document = (await (await fetch(`${url}/api/problems/docs/openapi.json`)).json()) as {
      components: { schemas: Record<string, { required?: string[]; properties: Record<string, unknown> }> };
    };
    const { ProblemDetails, FieldError } = document.components.schemas;
    expect(ProblemDetails?.required).toEqual(['type', 'title', 'status', 'detail', 'instance', 'code']);
    expect(ProblemDetails?.properties['errors']).toEqual(
      expect.objectContaining({ items: { $ref: '#/components/schemas/FieldError' } }),
    );
    expect(FieldError?.required).toEqual(['path', 'code', 'message']);
  });
});
