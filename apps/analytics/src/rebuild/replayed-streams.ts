import { Injectable } from '@nestjs/common';
import type { ReplayedStream } from '@tandem/analytics-domain';
import type { EventEnvelope } from '@tandem/events';
import { MongoConnection } from '@tandem/runtime';
import type { Collection } from 'mongodb';

interface StreamDocument extends ReplayedStream {
  _id: string;
  /** The producing event store (CloudEvents `source`), whose stream this is. */
  source: string;
  versions: number[];
}

/**
 * The stream versions a rebuild's replay has seen, one document per producer's stream in
 * `rebuild_streams_<generation>`: what the completeness check reads before a switch. Versions count
 * per event store, and two stores may hold the same stream id (every service reports an erasure on
 * `erasure-<requestId>`): merged, one store's version 1 would hide another's missing one.
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
    const { tenantId, source, streamId, streamVersion } = metadata;
    await this.collection(generation).updateOne(
      { _id: `${tenantId}/${source}/${streamId}` },
      { $setOnInsert: { tenantId, source, streamId }, $addToSet: { versions: streamVersion } },
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
