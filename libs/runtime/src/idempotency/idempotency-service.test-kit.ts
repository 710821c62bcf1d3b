import { randomUUID } from 'node:crypto';
import { Controller, Module, Post, Res, type INestApplication } from '@nestjs/common';
import { CurrentPrincipal, ValidatedBody, type Principal } from '@tandem/auth';
import { createTestIssuer, type TestIssuer } from '@tandem/auth/testing';
import { EventStore } from '@tandem/eventstore';
import { testInfra, uniqueName } from '@tandem/testing';
import { z } from 'zod';
import { loadServiceConfig } from '../config/service-config';
import { MongoConnection } from '../mongo/mongo-connection';
import { createServiceApp } from '../service-app';
import type { ServiceDefinition } from '../service-definition';
import { createApiClient, type ApiClient } from '../testing/service-api.test-kit';

const noteBody = z.strictObject({ progress: z.number().int().min(0).max(100) });
type NoteBody = z.output<typeof noteBody>;

/** Lets a test hold a request between its append and its answer. */
export class Gate {
  private opened!: () => void;
  readonly open = new Promise<void>((resolve) => (this.opened = resolve));
  reached = false;
  release(): void {
    this.opened();
  }
}

/** What the test service's routes do besides their writes; the spec sets it per test. */
export const behaviour: { gate?: Gate; failuresBeforeSuccess: number } = { failuresBeforeSuccess: 0 };

interface ResponseHeaders {
  setHeader(name: string, value: string): void;
}

// A write route as the services have them: an event appended, then a read-model document, ETag and Location.
@Controller('notes')
class NotesController {
  constructor(
    private readonly store: EventStore,
    private readonly mongo: MongoConnection,
  ) {}

  private async write(principal: Principal, body: NoteBody, response: ResponseHeaders) {
    const noteId = randomUUID();
    const [event] = await this.store.append(principal.tenantId, `note-${noteId}`, 0, [
      {
        type: 'goals.goal.progress-recorded',
        data: {
          goalId: noteId,
          relationshipId: 'r-1',
          programId: 'p-1',
          recordedBy: principal.userId,
          progress: body.progress,
        },
      },
    ]);
    await this.mongo.db
      .collection('notes')
      .insertOne({ _id: noteId as never, tenantId: principal.tenantId, progress: body.progress });
    response.setHeader('ETag', `"${event?.metadata.streamVersion}"`);
    response.setHeader('Location', `notes/${noteId}`);
    return { noteId, progress: body.progress };
  }

  @Post()
  create(
    @CurrentPrincipal() principal: Principal,
    @ValidatedBody(noteBody) body: NoteBody,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ) {
    return this.write(principal, body, response);
  }

  /** Waits at the gate after its writes, so a test can send duplicates while it runs. */
  @Post('held')
  async held(
    @CurrentPrincipal() principal: Principal,
    @ValidatedBody(noteBody) body: NoteBody,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ) {
    const written = await this.write(principal, body, response);
    if (behaviour.gate) {
      behaviour.gate.reached = true;
      await behaviour.gate.open;
    }
    return written;
  }

  /** Fails (500) before writing anything while `failuresBeforeSuccess` lasts. */
  @Post('flaky')
  flaky(
    @CurrentPrincipal() principal: Principal,
    @ValidatedBody(noteBody) body: NoteBody,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ) {
    if (behaviour.failuresBeforeSuccess > 0) {
      behaviour.failuresBeforeSuccess--;
      throw new Error('the database went away');
    }
    return this.write(principal, body, response);
  }

  /** Appends, then fails (500): the effect exists but the answer is an error. */
  @Post('broken')
  async broken(
    @CurrentPrincipal() principal: Principal,
    @ValidatedBody(noteBody) body: NoteBody,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ) {
    await this.write(principal, body, response);
    throw new Error('the read model write failed after the append');
  }
}

@Module({ controllers: [NotesController] })
class NotesModule {}

const definition: ServiceDefinition = { name: 'idem', defaultPort: 0, module: NotesModule };

export interface IdempotencyTestService {
  readonly app: INestApplication;
  readonly url: string;
  as(tenant: string, userId: string): ApiClient;
  token(tenant: string, userId: string): Promise<string>;
  /** Events appended and read-model documents written for a tenant. */
  writes(tenant: string): Promise<{ events: number; notes: number }>;
  close(): Promise<void>;
}

export async function startIdempotencyTestService(): Promise<IdempotencyTestService> {
  const infra = testInfra();
  const issuer: TestIssuer = createTestIssuer();
  const config = loadServiceConfig(definition.name, 0, {
    MONGODB_URI: infra.mongoUri(uniqueName('idem')),
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    RATE_LIMIT_PER_MINUTE: '100000',
    ...issuer.env,
  });
  const app = await createServiceApp(definition, config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const db = app.get(MongoConnection).db;
  const token = (tenant: string, userId: string) =>
    issuer.token({ tenant, sub: userId, roles: ['participant'] });
  return {
    app,
    url,
    token,
    as: (tenant, userId) => createApiClient(url, definition.name, userId, token(tenant, userId)),
    writes: async (tenant) => ({
      events: await db.collection('events').countDocuments({ tenantId: tenant }),
      notes: await db.collection('notes').countDocuments({ tenantId: tenant }),
    }),
    async close() {
      await db.dropDatabase();
      await app.close();
    },
  };
}
