import { randomUUID } from 'node:crypto';
import { Body, Controller, Injectable, Module, Post, type INestApplication } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '@tandem/auth';
import { createTestIssuer } from '@tandem/auth/testing';
import type { EventEnvelope } from '@tandem/events';
import { EventStore } from '@tandem/eventstore';
import { applyOnce, type ProjectedDocument } from '@tandem/messaging';
import { testInfra, uniqueName, waitFor } from '@tandem/testing';
import { loadServiceConfig } from '../config/service-config';
import { MongoConnection } from '../mongo/mongo-connection';
import { createServiceApp } from '../service-app';
import type { ServiceDefinition } from '../service-definition';
import { EventBackbone } from './event-backbone';
import type { EventSubscriber } from './event-subscription';

interface GoalProgress {
  progress: number;
}

@Controller('goals')
class RecordProgressController {
  constructor(private readonly store: EventStore) {}

  @Post()
  async record(
    @CurrentPrincipal() principal: Principal,
    @Body() body: { goalId: string; progress: number },
  ): Promise<{ version: number }> {
    const events = await this.store.append(principal.tenantId, body.goalId, 0, [
      {
        type: 'goals.goal.progress-recorded',
        data: {
          goalId: body.goalId,
          relationshipId: 'r-1',
          programId: 'p-1',
          recordedBy: 'u-1',
          progress: body.progress,
        },
      },
    ]);
    return { version: events.length };
  }
}

@Injectable()
class GoalProgressProjection implements EventSubscriber {
  constructor(private readonly mongo: MongoConnection) {}

  async handle(event: EventEnvelope): Promise<void> {
    if (event.type !== 'goals.goal.progress-recorded') return;
    const progress = event.data.progress;
    await applyOnce<GoalProgress>(
      this.mongo.db.collection<ProjectedDocument<GoalProgress>>('goal_progress'),
      event.data.goalId,
      event,
      () => ({
        progress,
      }),
    );
  }
}

@Module({ controllers: [RecordProgressController], providers: [GoalProgressProjection] })
class GoalsFeatureModule {}

const definition: ServiceDefinition = {
  name: 'goals-wiring',
  defaultPort: 0,
  module: GoalsFeatureModule,
  publishes: 'goals',
  subscriptions: [{ name: 'progress', contexts: ['goals'], subscriber: GoalProgressProjection }],
};

const issuer = createTestIssuer();

// The runtime wires store, relay and consumers from the environment: a command's event reaches a
// projection through the outbox, Kafka and the consumer group, with no test code in between.
describe('EventBackbone in a booted service', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    const infra = testInfra();
    const config = loadServiceConfig('goals-wiring', 0, {
      MONGODB_URI: infra.mongoUri(uniqueName('backbone')),
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: `${uniqueName('backbone')}.`,
      KAFKA_TOPIC_PARTITIONS: '2',
      ...issuer.env,
    });
    app = await createServiceApp(definition, config, { logger: false });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app.get(MongoConnection).db.dropDatabase();
    await app.close();
  });

  it('carries an appended event through the outbox relay and Kafka into the subscribed projection', async () => {
    const goalId = `goal-${randomUUID()}`;
    const response = await fetch(`${url}/api/goals-wiring/v1/goals`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await issuer.token({ tenant: 'acme', sub: 'u-1', roles: ['participant'] })}`,
      },
      body: JSON.stringify({ goalId, progress: 40 }),
    });
    expect(response.status).toBe(201);

    const collection = app
      .get(MongoConnection)
      .db.collection<ProjectedDocument<GoalProgress>>('goal_progress');
    const projected = await waitFor(
      () => collection.findOne({ _id: goalId }).then((doc) => doc ?? undefined),
      {
        description: 'the projection of the recorded progress',
        timeoutMs: 30_000,
      },
    );
    expect(projected).toMatchObject({ progress: 40 });
    const relay = app.get(EventBackbone).outboxRelay;
    await waitFor(async () => (await relay?.stats())?.backlog === 0, { description: 'the outbox to drain' });
  });
});
