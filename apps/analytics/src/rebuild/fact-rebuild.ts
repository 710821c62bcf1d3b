import { randomUUID } from 'node:crypto';
import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { AnalyticsRuleError } from '@tandem/analytics-domain';
import { contexts, topicOf } from '@tandem/events';
import { createKafkaClient, EventConsumer, type KafkaConnectionOptions } from '@tandem/messaging';
import { InjectServiceConfig, type ServiceConfig } from '@tandem/runtime';
import { z } from 'zod';
import { FactGenerations, type GenerationsState } from '../infrastructure/fact-generations';
import { FactWriter } from '../infrastructure/fact-writer';

const instant = z.iso.datetime({ offset: true }).meta({ examples: ['2026-03-01T09:30:00.000Z'] });

/** Where the facts stand: the generation that answers, the one being filled (if any), the last switch. */
export const rebuildStatusSchema = z.object({
  activeGeneration: z
    .int()
    .min(1)
    .describe('The facts generation that answers questions')
    .meta({ examples: [2] }),
  building: z
    .object({
      generation: z.int().min(1),
      startedAt: instant,
      replayed: z.int().min(0).describe('Events replayed so far'),
      total: z.int().min(0).describe('Events to replay (known once the first progress check ran)'),
    })
    .nullable()
    .describe('The rebuild under way; null when none is'),
  lastRebuild: z
    .object({ generation: z.int().min(1), startedAt: instant, finishedAt: instant })
    .nullable()
    .describe('The last rebuild that switched over; null before any'),
});
export type RebuildStatus = z.output<typeof rebuildStatusSchema>;

const POLL_MS = 500;

/**
 * Blue/green rebuild of the facts: a new generation is filled by its own consumer group replaying
 * every topic from the beginning, while the live projector writes new events to both and the old
 * generation keeps answering. Once the replay has reached the end offsets seen at start, the new
 * generation becomes active and the old one is dropped. A rebuild cut short by a restart resumes.
 */
@Injectable()
export class FactRebuild implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('FactRebuild');
  private consumer: EventConsumer | undefined;
  private poller: NodeJS.Timeout | undefined;
  private progress = { replayed: 0, total: 0 };
  private readonly connection: KafkaConnectionOptions;

  constructor(
    private readonly generations: FactGenerations,
    private readonly writer: FactWriter,
    @InjectServiceConfig() private readonly config: ServiceConfig,
  ) {
    this.connection = { brokers: config.kafkaBrokers, clientId: `${config.kafkaClientId}-rebuild` };
  }

  async onApplicationBootstrap(): Promise<void> {
    const { building } = await this.generations.current();
    if (building)
      void this.run(building).catch((error: Error) =>
        this.logger.error(`resuming rebuild: ${error.message}`),
      );
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.poller);
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.stop();
  }

  async start(): Promise<RebuildStatus> {
    const state = await this.generations.current();
    if (state.building)
      throw new AnalyticsRuleError('rebuild-in-progress', 'A rebuild is already under way', 'conflict');
    const generation = Math.max(state.active, state.lastRebuild?.generation ?? 0) + 1;
    await this.generations
      .collection(generation)
      .drop()
      .catch(() => undefined);
    await this.generations.prepare(generation);
    const building = {
      generation,
      startedAt: new Date().toISOString(),
      groupId: `tandem-analytics-rebuild-${generation}-${randomUUID().slice(0, 8)}`,
    };
    await this.generations.save({ ...state, building });
    this.progress = { replayed: 0, total: 0 };
    await this.run(building);
    return this.status();
  }

  async status(): Promise<RebuildStatus> {
    const { active, building, lastRebuild } = await this.generations.current();
    return {
      activeGeneration: active,
      building: building
        ? { generation: building.generation, startedAt: building.startedAt, ...this.progress }
        : null,
      lastRebuild,
    };
  }

  private topics(): string[] {
    return contexts.map((context) => `${this.config.kafkaTopicPrefix}${topicOf(context)}`);
  }

  private async run(building: NonNullable<GenerationsState['building']>): Promise<void> {
    const targets = await this.endOffsets();
    this.consumer = new EventConsumer({
      connection: this.connection,
      groupId: building.groupId,
      topics: this.topics(),
      fromBeginning: true,
      handler: (event) => this.writer.record(building.generation, event),
      onError: (error) => this.logger.error(`rebuild dead-lettered an event: ${error.message}`),
    });
    await this.consumer.start();
    this.pollAfterDelay(building, targets);
  }

  /** Checks again once the previous check is done, so two checks never switch over twice. */
  private pollAfterDelay(
    building: NonNullable<GenerationsState['building']>,
    targets: Map<string, { low: number; high: number }>,
  ): void {
    this.poller = setTimeout(() => {
      void this.check(building, targets)
        .catch((error: Error) => {
          this.logger.warn(error.message);
          return false;
        })
        .then((switched) => {
          if (!switched && this.consumer) this.pollAfterDelay(building, targets);
        });
    }, POLL_MS);
    this.poller.unref();
  }

  /** High and low watermarks per `topic/partition` when the rebuild started: the point it must reach. */
  private async endOffsets(): Promise<Map<string, { low: number; high: number }>> {
    const admin = createKafkaClient(this.connection).admin();
    await admin.connect();
    try {
      const targets = new Map<string, { low: number; high: number }>();
      for (const topic of this.topics()) {
        for (const p of await admin.fetchTopicOffsets(topic))
          targets.set(`${topic}/${p.partition}`, { low: Number(p.low), high: Number(p.high) });
      }
      return targets;
    } finally {
      await admin.disconnect();
    }
  }

  private async check(
    building: NonNullable<GenerationsState['building']>,
    targets: Map<string, { low: number; high: number }>,
  ): Promise<boolean> {
    const admin = createKafkaClient(this.connection).admin();
    await admin.connect();
    let replayed = 0;
    let total = 0;
    try {
      const committed = await admin.fetchOffsets({ groupId: building.groupId, topics: this.topics() });
      for (const { topic, partitions } of committed) {
        for (const { partition, offset } of partitions) {
          const target = targets.get(`${topic}/${partition}`);
          if (!target) continue;
          total += target.high - target.low;
          replayed += Math.max(0, Math.min(Number(offset), target.high) - target.low);
        }
      }
    } finally {
      await admin.disconnect();
    }
    this.progress = { replayed, total };
    if (replayed < total) return false;
    await this.switchOver(building);
    return true;
  }

  private async switchOver(building: NonNullable<GenerationsState['building']>): Promise<void> {
    const state = await this.generations.current();
    const previous = state.active;
    if (previous === building.generation) return;
    await this.generations.save({
      _id: 'facts',
      active: building.generation,
      building: null,
      lastRebuild: {
        generation: building.generation,
        startedAt: building.startedAt,
        finishedAt: new Date().toISOString(),
      },
    });
    await this.consumer?.stop();
    this.consumer = undefined;
    await this.generations
      .collection(previous)
      .drop()
      .catch(() => undefined);
    this.logger.log(`facts generation ${building.generation} caught up and is now active`);
  }
}
