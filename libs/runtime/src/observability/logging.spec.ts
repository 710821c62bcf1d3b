import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { Controller, Get, Logger, Module, Param, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { LoggerModule, Logger as PinoNestLogger } from 'nestjs-pino';
import { waitFor } from '@tandem/testing';
import { loggingParams } from './logging';
import { traceRequests } from './request-context';
import { startTracing } from './tracing';

@Controller('calendar')
class FeedController {
  private readonly logger = new Logger('Feeds');

  @Get(':secret/sessions.ics')
  feed(@Param('secret') secret: string): { ok: true } {
    this.logger.log({ message: 'feed served', secretLength: secret.length });
    return { ok: true };
  }
}

type Line = Record<string, unknown>;

/** A Nest app wired as `createServiceApp` wires logging, its lines collected in `raw`. */
async function boot(level: string): Promise<{ app: INestApplication; url: string; raw: string[] }> {
  startTracing('sessions'); // as createServiceApp does: callers' traces are carried on
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  @Module({ imports: [LoggerModule.forRoot(loggingParams('sessions', level, stream))], controllers: [FeedController] })
  class AppModule {}
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  traceRequests(app);
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl(), raw };
}

const parsed = (raw: string[]): Line[] => raw.map((line) => JSON.parse(line) as Line);

describe('service logging (nestjs-pino)', () => {
  it("writes one JSON line per record, each made during a request carrying that request's ids, no token or secret", async () => {
    const { app, url, raw } = await boot('info');
    try {
      const traceId = randomBytes(16).toString('hex');
      const requestId = `req-${randomUUID()}`;
      const secret = randomBytes(24).toString('base64url');
      const token = `Bearer ${randomUUID()}`;
      const response = await fetch(`${url}/calendar/${secret}/sessions.ics?secret=${secret}`, {
        headers: { authorization: token, traceparent: `00-${traceId}-00f067aa0ba902b7-01`, 'x-request-id': requestId },
      });
      expect(response.status).toBe(200);
      const requestLine = await waitFor(() => parsed(raw).find((line) => line['message'] === 'request'), {
        description: 'the request line',
      });

      const handled = parsed(raw).find((line) => line['message'] === 'feed served');
      expect(handled).toMatchObject({ service: 'sessions', level: 'info', context: 'Feeds', traceId, requestId });
      expect(requestLine).toMatchObject({
        service: 'sessions',
        level: 'info',
        traceId,
        requestId,
        method: 'GET',
        route: '/calendar/:secret/sessions.ics',
        status: 200,
      });
      expect(typeof requestLine['ms']).toBe('number');
      expect(Date.parse(String(requestLine['time']))).not.toBeNaN();
      const all = raw.join('\n');
      expect(all).not.toContain(token.slice('Bearer '.length));
      expect(all).not.toContain(secret);
      expect(all.toLowerCase()).not.toContain('authorization');
    } finally {
      await app.close();
    }
  });

  it('leaves request lines out at LOG_LEVEL=warn', async () => {
    const { app, url, raw } = await boot('warn');
    try {
      expect((await fetch(`${url}/calendar/${randomUUID()}/sessions.ics`)).status).toBe(200);
      expect(parsed(raw).filter((line) => line['level'] === 'info')).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
