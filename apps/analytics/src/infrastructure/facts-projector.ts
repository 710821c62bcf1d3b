import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tandem/events';
import type { EventSubscriber } from '@tandem/runtime';
import { FactGenerations } from './fact-generations';
import { FactWriter } from './fact-writer';

/** The live consumer of all three topics: every event goes into each live facts generation. */
@Injectable()
export class FactsProjector implements EventSubscriber {
  constructor(
    private readonly generations: FactGenerations,
    private readonly writer: FactWriter,
  ) {}

  async handle(event: EventEnvelope): Promise<void> {
    for (const generation of await this.generations.live()) await this.writer.record(generation, event);
  }

  /** A partition's fetched batch: one read and one bulk write per live generation. */
  async handleBatch(events: readonly EventEnvelope[]): Promise<void> {
    for (const generation of await this.generations.live()) await this.writer.recordMany(generation, events);
  }
}
