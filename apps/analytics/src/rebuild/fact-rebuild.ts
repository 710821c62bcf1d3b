import { randomUUID } from 'node:crypto';
import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { AnalyticsRuleError, replayCompleteness, type ReplayedPartition } from '@tandem/analytics-domain';
import { isPlatformOperator, type Principal } from '@tandem/auth';
import { topicOf } from '@tandem/events';
import { createKafkaClient, EventConsumer, type KafkaConnectionOptions } from '@tandem/messaging';
import { InjectServiceConfig, type ServiceConfig } from '@tandem/runtime';
import { FactGenerations, type GenerationsState } from '../infrastructure/fact-generations';
import { FactWriter } from '../infrastructure/fact-writer';
import { factSourceContexts } from '../infrastructure/fact-sources';
import { RebuildRefusals } from './rebuild-refusals';
import type { RebuildStatus } from './rebuild-status';
import { ReplayedStreams } from './replayed-streams';

export { rebuildStatusSchema, type RebuildStatus } from './rebuild-status';

const POLL_MS = 500;

type Building = NonNullable<GenerationsState['building']>;
type Targets = Map<string, { low: number; high: number }>;

/**
 * Blue/green rebuild of the facts: a new generation is filled by its own consumer group replaying
 * the fact sources' topics from the beginning, while the live projector writes new events to both and the old
 * generation keeps answering. Once the replay has reached the end offsets seen at start, it checks
 * that it saw the whole history (no partition truncated, every stream from version 1 without a
 * gap): then the new generation becomes active and the old one is dropped; otherwise the new one
 * is dropped and the refusal says what is missing. A rebuild cut short by a restart resumes.
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
    private readonly streams: ReplayedStreams,
    private readonly refusals: RebuildRefusals,
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

  async start(caller: Principal): Promise<RebuildStatus> {
    const state = await this.generations.current();
    if (state.building)
      throw new AnalyticsRuleError('rebuild-in-progress', 'A rebuild is already under way', 'conflict');
    const generation = Math.max(state.active, state.lastRebuild?.generation ?? 0) + 1;
    await this.generations.drop(generation);
    await this.generations.prepare(generation);
    await this.streams.prepare(generation);
    await this.refusals.clear();
    const building = {
      generation,
      startedAt: new Date().toISOString(),
      groupId: `tandem-analytics-rebuild-${generation}-${randomUUID().slice(0, 8)}`,
    };
    // Filled from empty by the writer, which keeps its rollups: it may answer from them once active.
    await this.generations.save({ ...state, building, rolledUp: [...(state.rolledUp ?? []), generation] });
    this.progress = { replayed: 0, total: 0 };
    await this.run(building);
    return this.status(caller);
  }

  /** An operator sees every tenant's figures; anyone else only their own tenant's. */
  async status(caller: Principal): Promise<RebuildStatus> {
    const operator = isPlatformOperator(caller);
    const { active, building, lastRebuild } = await this.generations.current();
    const refusal = await this.refusals.last();
    const mine = <T extends { tenantId: string }>(items: readonly T[]) =>
      operator ? items : items.filter((item) => item.tenantId === caller.tenantId);
    return {
      activeGeneration: active,
      building: building
        ? {
            generation: building.generation,
            startedAt: building.startedAt,
            ...(operator
              ? this.progress
              : {
                  replayed: await this.streams.replayedOf(building.generation, caller.tenantId),
                  total: null,
                }),
          }
        : null,
      lastRebuild,
      lastRefusal: refusal
        ? {
            generation: refusal.generation,
            startedAt: refusal.startedAt,
            refusedAt: refusal.refusedAt,
            truncatedPartitions: refusal.truncatedPartitions,
            incompleteStreams: mine(refusal.incompleteByTenant).reduce((sum, t) => sum + t.streams, 0),
            missing: mine(refusal.incompleteStreams).map(({ tenantId, streamId, missingVersions }) => ({
              tenantId,
              streamId,
              missingVersions: [...missingVersions],
            })),
          }
        : null,
    };
  }

  private topics(): string[] {
    return factSourceContexts.map((context) => `${this.config.kafkaTopicPrefix}${topicOf(context)}`);
  }

  private async run(building: Building): Promise<void> {
    const targets = await this.endOffsets();
    this.consumer = new EventConsumer({
      connection: this.connection,
      groupId: building.groupId,
      topics: this.topics(),
      fromBeginning: true,
      handler: async (event) => {
        await this.writer.record(building.generation, event);
        await this.streams.record(building.generation, event);
      },
      onError: (error) => this.logger.error(`rebuild dead-lettered an event: ${error.message}`),
    });
    await this.consumer.start();
    this.pollAfterDelay(building, targets);
  }

  /** Checks again once the previous check is done, so two checks never switch over twice. */
  private pollAfterDelay(building: Building, targets: Targets): void {
    this.poller = setTimeout(() => {
      void this.check(building, targets)
        .catch((error: Error) => {
          this.logger.warn(error.message);
          return false;
        })
        .then((finished) => {
          if (!finished && this.consumer) this.pollAfterDelay(building, targets);
        });
    }, POLL_MS);
    this.poller.unref();
  }

  /** Low and high watermarks per `topic/partition` when the rebuild started: the end it must reach. */
  private async endOffsets(): Promise<Targets> {
    const admin = createKafkaClient(this.connection).admin();
    await admin.connect();
    try {
      const targets: Targets = new Map();
      for (const topic of this.topics()) {
        for (const p of await admin.fetchTopicOffsets(topic))
          targets.set(`${topic}/${p.partition}`, { low: Number(p.low), high: Number(p.high) });
      }
      return targets;
    } finally {
      await admin.disconnect();
    }
  }

  /** True once the replay reached the captured end offsets and the rebuild switched or refused. */
  private async check(building: Building, targets: Targets): Promise<boolean> {
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
    await this.finish(building, targets);
    return true;
  }

  private async finish(building: Building, targets: Targets): Promise<void> {
    const partitions: ReplayedPartition[] = [...targets].map(([key, { low }]) => {
      const at = key.lastIndexOf('/');
      return { topic: key.slice(0, at), partition: Number(key.slice(at + 1)), firstOffset: low };
    });
    const verdict = replayCompleteness(partitions, await this.streams.all(building.generation));
    await this.consumer?.stop();
    this.consumer = undefined;
    if (verdict.complete) await this.switchOver(building);
    else await this.refuse(building, verdict);
    await this.streams.drop(building.generation);
  }

  private async switchOver(building: Building): Promise<void> {
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
      rolledUp: (state.rolledUp ?? []).filter((generation) => generation !== previous),
    });
    await this.dropGeneration(previous);
    this.logger.log(`facts generation ${building.generation} caught up and is now active`);
  }

  /** History is missing: the old generation keeps answering, the partial one goes. */
  private async refuse(
    building: Building,
    verdict: Extract<ReturnType<typeof replayCompleteness>, { complete: false }>,
  ): Promise<void> {
    await this.refusals.save(
      {
        generation: building.generation,
        startedAt: building.startedAt,
        refusedAt: new Date().toISOString(),
        truncatedPartitions: [...verdict.truncatedPartitions],
      },
      verdict.incompleteStreams,
    );
    const state = await this.generations.current();
    await this.generations.save({ ...state, building: null });
    await this.dropGeneration(building.generation);
    this.logger.error(
      `facts generation ${building.generation} refused: ${verdict.truncatedPartitions.length} truncated partitions, ` +
        `${verdict.incompleteStreams.length} streams with missing versions; generation ${state.active} keeps answering`,
    );
  }

  private async dropGeneration(generation: number): Promise<void> {
    await this.generations.drop(generation);
  }
}
