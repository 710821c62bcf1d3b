import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MongoConnection } from '@tandem/runtime';
import type { Collection } from 'mongodb';
import type { FactDocument } from './fact-document';
import type { JourneyDocument, MenteeMatchDocument, RollupDocument } from './rollup-documents';

/** Which facts collection answers questions, and which one a rebuild is filling (blue/green). */
export interface GenerationsState {
  _id: 'facts';
  active: number;
  building: { generation: number; startedAt: string; groupId: string } | null;
  lastRebuild: { generation: number; startedAt: string; finishedAt: string } | null;
  /**
   * Generations whose rollups were kept from their first fact (absent: none). A generation filled
   * before rollups existed answers from its facts until a rebuild replaces it (ADR 0008).
   */
  rolledUp?: number[];
}

const META = 'fact_generations';
// Other replicas learn of a switch within this long; this process knows at once.
const REFRESH_MS = 2_000;

/** Collections `facts_<generation>`; the live projector writes to every live one, readers use the active one. */
@Injectable()
export class FactGenerations implements OnModuleInit {
  private state: GenerationsState = { _id: 'facts', active: 1, building: null, lastRebuild: null };
  private loadedAt = 0;

  constructor(private readonly mongo: MongoConnection) {}

  async onModuleInit(): Promise<void> {
    await this.meta().updateOne(
      { _id: 'facts' },
      { $setOnInsert: { active: 1, building: null, lastRebuild: null } },
      { upsert: true },
    );
    await this.refresh();
    await this.prepare(this.state.active);
    // An empty active generation (a new installation) is rolled up from its first fact on.
    const { active, rolledUp = [] } = this.state;
    if (!rolledUp.includes(active) && (await this.collection(active).estimatedDocumentCount()) === 0)
      await this.meta().updateOne({ _id: 'facts' }, { $addToSet: { rolledUp: active } });
    await this.refresh();
  }

  collection(generation: number): Collection<FactDocument> {
    return this.mongo.db.collection<FactDocument>(`facts_${generation}`);
  }

  /** Each program's summary counters, in a few shards per program (writers pick one at random). */
  rollups(generation: number): Collection<RollupDocument> {
    return this.mongo.db.collection<RollupDocument>(`rollups_${generation}`);
  }

  /** Per program and mentee: how many started relationships count them (matched while above 0). */
  menteeMatches(generation: number): Collection<MenteeMatchDocument> {
    return this.mongo.db.collection<MenteeMatchDocument>(`mentee_matches_${generation}`);
  }

  /** Per program and mentee: the funnel's steps as their enrolments and relationships tell them. */
  journeys(generation: number): Collection<JourneyDocument> {
    return this.mongo.db.collection<JourneyDocument>(`journeys_${generation}`);
  }

  /** A session for writing a generation's facts and rollups in one transaction. */
  startSession() {
    return this.mongo.client.startSession();
  }

  async isRolledUp(generation: number): Promise<boolean> {
    return ((await this.current()).rolledUp ?? []).includes(generation);
  }

  async drop(generation: number): Promise<void> {
    for (const collection of [
      this.collection(generation),
      this.rollups(generation),
      this.menteeMatches(generation),
    ])
      await collection.drop().catch(() => undefined);
  }

  async current(): Promise<GenerationsState> {
    if (Date.now() - this.loadedAt > REFRESH_MS) await this.refresh();
    return this.state;
  }

  /** Generations the live projector must write: the active one and the one being rebuilt. */
  async live(): Promise<number[]> {
    const { active, building } = await this.current();
    return building ? [active, building.generation] : [active];
  }

  async prepare(generation: number): Promise<void> {
    // A program's facts of one kind, and of given relationships.
    await this.collection(generation).createIndex({
      tenantId: 1,
      programId: 1,
      kind: 1,
      'fact.relationshipId': 1,
    });
    // One person's enrolments and relationships (the personal-data export). Partial, so only
    // the facts of that kind carry an entry and no other fact's write touches these indexes.
    await this.collection(generation).createIndex(
      { tenantId: 1, 'fact.userId': 1 },
      { partialFilterExpression: { kind: 'participant' } },
    );
    for (const side of ['fact.mentorIds', 'fact.menteeIds'])
      await this.collection(generation).createIndex(
        { tenantId: 1, [side]: 1 },
        { partialFilterExpression: { kind: 'relationship' } },
      );
    await this.rollups(generation).createIndex({ tenantId: 1, programId: 1 });
    await this.journeys(generation).createIndex({ tenantId: 1, programId: 1 });
  }

  async save(state: GenerationsState): Promise<void> {
    await this.meta().replaceOne({ _id: 'facts' }, state, { upsert: true });
    this.state = state;
    this.loadedAt = Date.now();
  }

  private async refresh(): Promise<void> {
    const stored = await this.meta().findOne({ _id: 'facts' });
    if (stored) this.state = stored;
    this.loadedAt = Date.now();
  }

  private meta(): Collection<GenerationsState> {
    return this.mongo.db.collection<GenerationsState>(META);
  }
}
