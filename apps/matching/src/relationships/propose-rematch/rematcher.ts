import { Injectable } from '@nestjs/common';
import { EventStore, handleCommand } from '@tandem/eventstore';
import { DomainError, fold } from '@tandem/kernel';
import { relationshipDecider, requireRematchQueued } from '@tandem/matching-domain';
import { Clock } from '../../infrastructure/clock';
import { streams } from '../../infrastructure/streams';
import type { RelationshipView } from '../../infrastructure/views';
import { ProgramRosters } from '../../match-runs/program-roster';
import type { VisibleProgram } from '../../programs/program-access';
import { ReadModelProjection } from '../../read-models/read-model-projection';
import { relationshipIdOf } from '../relationship-proposals';
import { rematchMentor } from './rematch-mentor';
import { RematchProposals } from './rematch-proposals';

export interface RematchRequest {
  readonly tenantId: string;
  /** The ended relationship, as its read model shows it. */
  readonly relationship: RelationshipView;
  readonly program: VisibleProgram;
  readonly by: string;
  readonly asAdmin: boolean;
  /** A mentor (participant id) chosen by an admin; otherwise the best one that fits. */
  readonly mentorId?: string;
  readonly expectedVersion?: number;
}

/**
 * Answers a queued re-match, for the route and the scheduled job alike: the decision is appended on
 * the ended relationship (once: the queue entry is then answered), and the new relationship is
 * proposed from that event by RematchProposals. Returns the new relationship's id.
 */
@Injectable()
export class Rematcher {
  constructor(
    private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly rosters: ProgramRosters,
    private readonly proposals: RematchProposals,
    private readonly clock: Clock,
  ) {}

  async rematch(request: RematchRequest): Promise<string> {
    const { tenantId, relationship, program } = request;
    if (program.status === 'closed')
      throw new DomainError('program-closed', 'A closed program takes no re-match');
    const streamId = streams.relationship(relationship.relationshipId);
    // Refusals that need no mentor come first: "already proposed" is no "no mentor available".
    requireRematchQueued(fold(relationshipDecider, (await this.store.readStream(tenantId, streamId)).events));
    const roster = await this.rosters.load(tenantId, program);
    const mentor = rematchMentor(roster, program, relationship, request.mentorId, this.clock.now());
    // One re-match per ended relationship: its id is derived, so a retry names the same one.
    const newRelationshipId = relationshipIdOf('rematch', relationship.relationshipId, []);
    const handled = await handleCommand(this.store, relationshipDecider, {
      tenantId,
      streamId,
      command: {
        type: 'propose-rematch',
        by: request.by,
        asAdmin: request.asAdmin,
        newRelationshipId,
        mentorIds: [mentor.userId],
        score: Math.round(mentor.score * 100) / 100,
      },
      expectedVersion: request.expectedVersion,
    });
    await this.projection.applyAppended(handled.events, relationship);
    for (const event of handled.events)
      if (event.type === 'matching.relationship.rematch-proposed') await this.proposals.propose(event);
    return newRelationshipId;
  }
}
