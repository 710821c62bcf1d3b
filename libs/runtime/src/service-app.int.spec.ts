import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { createTestIssuer } from '@tandem/auth/testing';
import { testInfra, uniqueName } from '@tandem/testing';
import { loadServiceConfig } from './config/service-config';
import { createServiceApp } from './service-app';
import type { ServiceDefinition } from './service-definition';

@Controller('echo')
class EchoController {
  @Get()
  echo(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

const definition: ServiceDefinition = { name: 'echo', defaultPort: 0, module: EchoModule };

async function boot(env: Record<string, string>): Promise<{ app: INestApplication; url: string }> {
  const app = await createServiceApp(definition, loadServiceConfig('echo', 0, env), { logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

describe('a service built on the runtime', () => {
  const infra = testInfra();
  const issuer = createTestIssuer();
  const reachable = {
    MONGODB_URI: infra.mongoUri(uniqueName('runtime')),
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    ...issuer.env,
  };

  it('is live and ready when its MongoDB and Kafka answer, and serves its API under /api/<service>/v1', async () => {
    const { app, url } = await boot(reachable);
    try {
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
      const ready = await fetch(`${url}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({
        status: 'ready',
        checks: [
          { name: 'mongodb', status: 'up' },
          { name: 'kafka', status: 'up' },
        ],
      });
      const token = await issuer.token({ tenant: 'acme', sub: 'u-1', roles: ['participant'] });
      const echo = await fetch(`${url}/api/echo/v1/echo`, { headers: { authorization: `Bearer ${token}` } });
      expect(await echo.json()).toEqual({ ok: true });
    } finally {
      await app.close();
    }
  });

  it('serves Prometheus metrics without a token: request latency by route pattern, event machinery gauges', async () => {
    const { app, url } = await boot(reachable);
    try {
      const token = await issuer.token({ tenant: 'acme', sub: 'u-1', roles: ['participant'] });
      await fetch(`${url}/api/echo/v1/echo`, { headers: { authorization: `Bearer ${token}` } });
      await fetch(`${url}/api/echo/v1/echo`);
      const scrape = await fetch(`${url}/metrics`);
      expect(scrape.status).toBe(200);
      expect(scrape.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await scrape.text();
      expect(text).toMatch(
        /tandem_http_request_duration_seconds_count\{[^}]*method="GET",route="\/api\/echo\/v1\/echo",status="200"[^}]*\} 1/,
      );
      expect(text).toMatch(/tandem_http_request_duration_seconds_count\{[^}]*status="401"[^}]*\} 1/);
      expect(text).toContain('# TYPE tandem_consumer_lag_messages gauge');
      expect(text).toContain('service="echo"');
    } finally {
      await app.close();
    }
  });

  it('is live but answers 503 on readiness, naming the dependency, while Kafka is unreachable', async () => {
    // Port 1 on loopback: nothing listens there, so connections are refused at once.
    const { app, url } = await boot({ ...reachable, KAFKA_BROKERS: '127.0.0.1:1' });
    try {
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
      const ready = await fetch(`${url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = (await ready.json()) as { code: string; checks: { name: string; status: string }[] };
      expect(body.code).toBe('not-ready');
      expect(body.checks).toEqual([
        { name: 'mongodb', status: 'up' },
        expect.objectContaining({ name: 'kafka', status: 'down', error: expect.any(String) }),
      ]);
    } finally {
      await app.close();
    }
  });

  it('answers 503 naming mongodb while MongoDB is unreachable', async () => {
    const { app, url } = await boot({
      ...reachable,
      MONGODB_URI: 'mongodb://127.0.0.1:1/tandem_down?directConnection=true',
    });
    try {
      const ready = await fetch(`${url}/health/ready`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { checks: { name: string; status: string }[] };
      expect(body.checks.map(({ name, status }) => ({ name, status }))).toEqual([
        { name: 'mongodb', status: 'down' },
        { name: 'kafka', status: 'up' },
      ]);
    } finally {
      await app.close();
    }
  });
});
