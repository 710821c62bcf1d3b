import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { EventStore, handleCommand } from '@tandem/eventstore';
import { DomainError } from '@tandem/kernel';
import { assessPair, relationshipDecider } from '@tandem/matching-domain';
import { Clock } from '../../infrastructure/clock';
import { documentId, ReadModels, written } from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import type { RelationshipView } from '../../infrastructure/views';
import {
  matchingProfileOf,
  matchingRulesOf,
  ProgramRosters,
  scoringContextOf,
} from '../../match-runs/program-roster';
import { ProgramAccess } from '../../programs/program-access';
import { ReadModelProjection } from '../../read-models/read-model-projection';
import { proposeCommandOf } from '../relationship-proposals';
import type { ProposeRelationshipBody } from '../relationship-schemas';

export class ProposeRelationship {
  constructor(
    readonly principal: Principal,
    readonly body: ProposeRelationshipBody,
  ) {}
}

@CommandHandler(ProposeRelationship)
export class ProposeRelationshipHandler implements ICommandHandler<ProposeRelationship, RelationshipView> {
  constructor(
    private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly readModels: ReadModels,
    private readonly access: ProgramAccess,
    private readonly rosters: ProgramRosters,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, body }: ProposeRelationship): Promise<RelationshipView> {
    const program = await this.access.visible(principal, body.programId);
    const byAdmin = body.menteeIds !== undefined;
    if (byAdmin && !this.access.canManage(principal, program))
      throw new DomainError('admin-only', 'Only a program admin can match other people', 'forbidden');
    if (!byAdmin && program.settings.matchingMode === 'admin-bulk') {
      throw new DomainError('self-select-closed', 'In this program matches are made by the program admins');
    }
    if (
      program.status !== 'enrolment-open' &&
      program.status !== 'enrolment-closed' &&
      program.status !== 'active'
    ) {
      throw new DomainError(
        'program-not-matching',
        `A program that is ${program.status} takes no match requests`,
      );
    }
    const roster = await this.rosters.load(principal.tenantId, program);
    const mentor = roster.mentors.find((m) => m.participantId === body.mentorId);
    if (!mentor) throw new DomainError('mentor-not-found', 'Mentor not found in this program', 'not-found');
    const found = body.menteeIds
      ? body.menteeIds.map((id) => roster.mentees.find((m) => m.participantId === id))
      : [roster.mentees.find((m) => m.userId === principal.userId)];
    const mentees = found.filter((m): m is NonNullable<typeof m> => m !== undefined);
    if (mentees.length < found.length)
      throw new DomainError(
        'mentee-not-found',
        byAdmin ? 'Mentee not found in this program' : 'You are not enrolled as a mentee in this program',
        'not-found',
      );
    const maxMentees = program.programType === 'group' ? (program.settings.maxGroupSize ?? 1) : 1;
    if (mentees.length > maxMentees)
      throw new DomainError(
        'too-many-mentees',
        `At most ${maxMentees} mentee(s) per relationship in this program`,
        'invalid',
      );
    // Requests count against capacity while pending; admins may propose beyond it (some will decline),
    // and capacity is enforced for certain when a relationship starts.
    if (!byAdmin && roster.remainingCapacity(mentor) < mentees.length)
      throw new DomainError('mentor-at-capacity', 'The mentor has no capacity left');

    const rules = matchingRulesOf(program);
    const context = scoringContextOf(roster, this.clock.now());
    const scores = mentees.map((mentee) => {
      const assessment = assessPair(matchingProfileOf(mentee), matchingProfileOf(mentor), rules, context);
      if (!assessment.eligible) {
        throw new DomainError(
          'pair-not-eligible',
          `This pair is excluded: ${assessment.excludedBy.map((v) => v.explanation).join('; ')}`,
        );
      }
      if (!byAdmin && assessment.score < rules.minimumScore) {
        throw new DomainError(
          'below-minimum-score',
          `This pair scores ${assessment.score}, below the program's minimum of ${rules.minimumScore}`,
        );
      }
      return assessment.score;
    });

    const relationshipId = randomUUID();
    const command = proposeCommandOf(
      {
        relationshipId,
        programId: program.programId,
        mentorIds: [mentor.userId],
        menteeIds: mentees.map((m) => m.userId),
        score: scores.reduce((a, b) => a + b, 0) / scores.length,
        source: byAdmin ? 'admin' : 'self-select',
        proposalTtlDays: program.settings.proposalTtlDays,
        ...(byAdmin ? {} : { acceptedBy: principal.userId }),
      },
      this.clock.now(),
    );
    const handled = await handleCommand(this.store, relationshipDecider, {
      tenantId: principal.tenantId,
      streamId: streams.relationship(relationshipId),
      command,
      expectedVersion: 0,
    });
    await this.projection.applyAppended(handled.events);
    return await written(
      this.readModels
        .forTenant(principal)
        .relationships.findOne({ _id: documentId(principal.tenantId, relationshipId) }),
    );
  }
}
