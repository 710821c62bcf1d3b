import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tandem/events';
import type { EventSubscriber } from '@tandem/runtime';
import { documentId, ReadModels } from '../infrastructure/read-models';

/** Learns which goals belong to which relationship, so agenda items can link only to their own relationship's goals. */
@Injectable()
export class GoalsEventsSubscriber implements EventSubscriber {
  constructor(private readonly readModels: ReadModels) {}

  async handle(envelope: EventEnvelope): Promise<void> {
    if (envelope.type !== 'goals.goal.set') return;
    const { goalId, relationshipId } = envelope.data as { goalId: string; relationshipId: string };
    const { tenantId } = envelope.metadata;
    // Idempotent: the same fields every time.
    await this.readModels
      .forTenant(tenantId)
      .goals.updateOne(
        { _id: documentId(tenantId, goalId) },
        { $set: { goalId, relationshipId } },
        { upsert: true },
      )
      .catch(async (error: { code?: unknown }) => {
        if (error.code !== 11000) throw error;
      });
  }
}
