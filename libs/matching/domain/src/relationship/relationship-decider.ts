import type { TandemEvent } from '@tandem/events';
import { DomainError, type Decider } from '@tandem/kernel';
import type { RelationshipCommand } from './relationship-commands';
import { decideConfirmAgreement, decideProposeAgreement } from './relationship-agreement';
import { evolveRelationship } from './relationship-evolve';
import { requireActor, requireParty, requireStatus } from './relationship-guards';
import { decideProposeRematch } from './relationship-rematch';
import { partiesOf, type ExistingRelationship, type RelationshipState } from './relationship-state';

type RelationshipEvent = Extract<TandemEvent, { type: `matching.relationship.${string}` }>;
type Command<T extends RelationshipCommand['type']> = Extract<RelationshipCommand, { type: T }>;

export const relationshipDecider: Decider<RelationshipCommand, TandemEvent, RelationshipState> = {
  initialState: (): RelationshipState => ({ status: 'none' }),
  evolve: evolveRelationship,

  decide(command: RelationshipCommand, state: RelationshipState): RelationshipEvent[] {
    if (command.type === 'propose') return decidePropose(command, state);
    if (state.status === 'none')
      throw new DomainError('relationship-not-found', 'Relationship not found', 'not-found');
    const ref = { relationshipId: state.relationshipId, programId: state.programId };
    switch (command.type) {
      case 'accept':
        return decideAccept(command, state);
      case 'decline':
        requireStatus(state, ['proposed'], 'decline');
        requireActor(command, state);
        return [
          {
            type: 'matching.relationship.declined',
            data: { ...ref, participantId: command.by, reason: command.reason },
          },
        ];
      case 'expire':
        return state.status === 'proposed' && (command.programClosed || command.now >= state.expiresAt)
          ? [{ type: 'matching.relationship.expired', data: ref }]
          : [];
      case 'propose-agreement':
        return decideProposeAgreement(command, state);
      case 'confirm-agreement':
        return decideConfirmAgreement(command, state);
      case 'propose-rematch':
        return decideProposeRematch(command, state);
      case 'pause':
        requireStatus(state, ['active'], 'pause');
        requireActor(command, state);
        return [
          { type: 'matching.relationship.paused', data: { ...ref, by: command.by, reason: command.reason } },
        ];
      case 'resume':
        requireStatus(state, ['paused'], 'resume');
        requireActor(command, state);
        return [{ type: 'matching.relationship.resumed', data: { ...ref, by: command.by } }];
      case 'flag-deactivated-party': {
        const running = state.status === 'active' || state.status === 'paused';
        const party = [...state.mentorIds, ...state.menteeIds].includes(command.userId);
        const flagged = running && (state.deactivatedParties ?? []).includes(command.userId);
        return running && party && !flagged
          ? [{ type: 'matching.relationship.party-deactivated', data: { ...ref, userId: command.userId } }]
          : [];
      }
      case 'end':
        return decideEnd(command, state);
      case 'submit-reflection':
        return decideReflection(command, state);
      default: {
        const exhaustive: never = command;
        return exhaustive;
      }
    }
  },
};

function decidePropose(command: Command<'propose'>, state: RelationshipState): RelationshipEvent[] {
  if (state.status !== 'none')
    throw new DomainError('relationship-exists', `Relationship ${command.relationshipId} already exists`);
  const overlap = command.mentorIds.filter((id) => command.menteeIds.includes(id));
  if (overlap.length > 0) throw new DomainError('self-pairing', 'Nobody can mentor themselves', 'invalid');
  const { relationshipId, programId, mentorIds, menteeIds, score, source, runId, expiresAt } = command;
  const proposed: RelationshipEvent = {
    type: 'matching.relationship.proposed',
    data: {
      relationshipId,
      programId,
      mentorIds: [...mentorIds],
      menteeIds: [...menteeIds],
      score,
      source,
      ...(runId ? { runId } : {}),
      expiresAt,
    },
  };
  if (!command.acceptedBy) return [proposed];
  return [
    proposed,
    {
      type: 'matching.relationship.accepted',
      data: { relationshipId, programId, participantId: command.acceptedBy },
    },
  ];
}

function decideAccept(command: Command<'accept'>, state: ExistingRelationship): RelationshipEvent[] {
  requireStatus(state, ['proposed'], 'accept');
  if (state.status !== 'proposed') return [];
  const ref = { relationshipId: state.relationshipId, programId: state.programId };
  // Past its expiry a proposal can only expire; the handler reports that as a conflict.
  if (command.now >= state.expiresAt) return [{ type: 'matching.relationship.expired', data: ref }];
  if (command.programClosed)
    throw new DomainError('program-closed', 'The program is closed: its proposals can no longer be accepted');
  const isParty = partiesOf(state).includes(command.by);
  if (command.acceptance === 'admin-approval' && !command.asAdmin) {
    throw new DomainError(
      'admin-approval-required',
      'In this program a program admin approves proposed matches',
      'forbidden',
    );
  }
  if (command.acceptance === 'both-parties' && !isParty) {
    throw new DomainError(
      'parties-accept',
      'In this program both parties accept a proposed match themselves',
      'forbidden',
    );
  }
  if (state.acceptedBy.includes(command.by))
    throw new DomainError('already-accepted', 'You have already accepted this proposal');
  const accepted: RelationshipEvent = {
    type: 'matching.relationship.accepted',
    data: { ...ref, participantId: command.by },
  };
  const acceptedBy = [...state.acceptedBy, command.by];
  const complete =
    command.acceptance === 'admin-approval' || partiesOf(state).every((party) => acceptedBy.includes(party));
  if (!complete) return [accepted];
  // A relationship takes its mentors' capacity when it starts; the caller claims it first (an atomic
  // write outside the stream) and retries with it held, so no start is ever appended without it.
  if (!command.capacityHeld)
    throw new DomainError('capacity-not-held', "Starting needs the mentors' capacity claimed first");
  return [
    accepted,
    {
      type: 'matching.relationship.started',
      data: {
        ...ref,
        mentorIds: [...state.mentorIds],
        menteeIds: [...state.menteeIds],
        startedAt: command.now,
      },
    },
  ];
}

function decideEnd(command: Command<'end'>, state: ExistingRelationship): RelationshipEvent[] {
  requireStatus(state, ['active', 'paused'], 'end');
  requireActor(command, state);
  const ref = { relationshipId: state.relationshipId, programId: state.programId };
  const ended: RelationshipEvent = {
    type: 'matching.relationship.ended',
    data: { ...ref, by: command.by, reason: command.reason },
  };
  if (!command.requestRematch) return [ended];
  if (command.reason !== 'mismatch') {
    throw new DomainError(
      'rematch-needs-mismatch',
      'A re-match can only be requested when ending for "not a good fit"',
      'invalid',
    );
  }
  return [
    ended,
    {
      type: 'matching.relationship.rematch-requested',
      data: { ...ref, by: command.by, reason: 'not-a-good-fit' },
    },
  ];
}

function decideReflection(
  command: Command<'submit-reflection'>,
  state: ExistingRelationship,
): RelationshipEvent[] {
  requireStatus(state, ['ended'], 'reflect on');
  requireParty(command.by, state);
  if (state.status === 'ended' && state.reflectedBy.includes(command.by)) {
    throw new DomainError('already-reflected', 'You have already submitted a closing reflection');
  }
  const { rating, goalsAchieved, skillsGained, wouldRecommend } = command;
  return [
    {
      type: 'matching.relationship.reflection-submitted',
      data: {
        relationshipId: state.relationshipId,
        programId: state.programId,
        participantId: command.by,
        rating,
        skillsGained: [...skillsGained],
        ...(goalsAchieved ? { goalsAchieved } : {}),
        ...(wouldRecommend === undefined ? {} : { wouldRecommend }),
      },
    },
  ];
}
