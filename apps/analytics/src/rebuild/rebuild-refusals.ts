import { Injectable } from '@nestjs/common';
import type { IncompleteStream, ReplayedPartition } from '@tandem/analytics-domain';
import { MongoConnection } from '@tandem/runtime';
import type { Collection } from 'mongodb';

/** Why the last rebuild did not switch: what its replay found missing. */
export interface RebuildRefusal {
  _id: 'last';
  generation: number;
  startedAt: string;
  refusedAt: string;
  truncatedPartitions: ReplayedPartition[];
  incompleteByTenant: { tenantId: string; streams: number }[];
  /** The first incomplete streams of each tenant (at most MAX_SHOWN_PER_TENANT). */
  incompleteStreams: IncompleteStream[];
}

export const MAX_SHOWN_PER_TENANT = 50;

/** The last refusal, kept until the next rebuild starts. */
@Injectable()
export class RebuildRefusals {
  constructor(private readonly mongo: MongoConnection) {}

  async save(
    refusal: Omit<RebuildRefusal, '_id' | 'incompleteByTenant' | 'incompleteStreams'>,
    incomplete: readonly IncompleteStream[],
  ): Promise<void> {
    const byTenant = new Map<string, IncompleteStream[]>();
    for (const stream of incomplete)
      byTenant.set(stream.tenantId, [...(byTenant.get(stream.tenantId) ?? []), stream]);
    await this.collection().replaceOne(
      { _id: 'last' },
      {
        ...refusal,
        incompleteByTenant: [...byTenant].map(([tenantId, streams]) => ({
          tenantId,
          streams: streams.length,
        })),
        incompleteStreams: [...byTenant.values()].flatMap((streams) =>
          streams.slice(0, MAX_SHOWN_PER_TENANT),
        ),
      },
      { upsert: true },
    );
  }

  last(): Promise<RebuildRefusal | null> {
    return this.collection().findOne({ _id: 'last' });
  }

  async clear(): Promise<void> {
    await this.collection().deleteOne({ _id: 'last' });
  }

  private collection(): Collection<RebuildRefusal> {
    return this.mongo.db.collection<RebuildRefusal>('fact_rebuild_refusals');
  }
}
