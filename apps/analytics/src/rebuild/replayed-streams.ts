import { Injectable } from '@nestjs/common';
import type { ReplayedStream } from '@tandem/analytics-domain';
import type { EventEnvelope } from '@tandem/events';
import { MongoConnection } from '@tandem/runtime';
import type { Collection } from 'mongodb';

interface StreamDocument extends ReplayedStream {
  _id: string;
  versions: number[];
}

/**
 * The stream versions a rebuild's replay has seen, one document per stream in
 * `rebuild_streams_<generation>`: what the completeness check reads before a switch.
 */
@Injectable()
export class ReplayedStreams {
  constructor(private readonly mongo: MongoConnection) {}

  async prepare(generation: number): Promise<void> {
    await this.drop(generation);
    await this.collection(generation).createIndex({ tenantId: 1 });
  }

  /** Idempotent: a redelivered event adds no version. */
  async record(generation: number, { metadata }: EventEnvelope): Promise<void> {
    const { tenantId, streamId, streamVersion } = metadata;
    await this.collection(generation).updateOne(
      { _id: `${tenantId}/${streamId}` },
      { $setOnInsert: { tenantId, streamId }, $addToSet: { versions: streamVersion } },
      { upsert: true },
    );
  }

  all(generation: number): Promise<StreamDocument[]> {
    return this.collection(generation).find({}).toArray();
  }

  /** How many distinct events of one tenant the replay has seen. */
  async replayedOf(generation: number, tenantId: string): Promise<number> {
    let replayed = 0;
    for await (const { versions } of this.collection(generation).find(
      { tenantId },
      { projection: { versions: 1 } },
    ))
      replayed += versions.length;
    return replayed;
  }

  async drop(generation: number): Promise<void> {
    await this.collection(generation)
      .drop()
      .catch(() => undefined);
  }

  private collection(generation: number): Collection<StreamDocument> {
    return this.mongo.db.collection<StreamDocument>(`rebuild_streams_${generation}`);
  }
}
