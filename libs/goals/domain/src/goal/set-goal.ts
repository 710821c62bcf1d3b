import { DomainError } from '@tandem/kernel';
import type { GoalCommand, KnownRelationship } from './goal-commands';
import { requireFutureDate, requireMeasurable } from './goal-rules';
import type { GoalEvent } from './goal-evolve';
import type { GoalState } from './goal-state';

type SetGoal = Extract<GoalCommand, { type: 'set' }>;

/** A goal belongs to a live relationship the actor is a party of, and to one of its mentees. */
export function decideSet(command: SetGoal, state: GoalState): GoalEvent[] {
  if (state.status !== 'none') throw new DomainError('goal-exists', `Goal ${command.goalId} already exists`);
  const relationship = requireLiveRelationship(command.relationship, command.by);
  const ownerId = ownerOf(command, relationship);
  requireFutureDate(command.targetDate, command.now);
  requireMeasurable(command.measure);
  const ref = {
    goalId: command.goalId,
    relationshipId: relationship.relationshipId,
    programId: relationship.programId,
  };
  const set: GoalEvent = {
    type: 'goals.goal.set',
    data: {
      ...ref,
      ownerId,
      measure: command.measure,
      horizon: command.horizon,
      targetDate: command.targetDate,
      setAt: command.now,
      ...(command.templateId ? { templateId: command.templateId } : {}),
      ...(command.category ? { category: command.category } : {}),
    },
  };
  const milestones = command.milestones.map(({ milestoneId, dueDate }): GoalEvent => ({
    type: 'goals.goal.milestone-added',
    data: { ...ref, milestoneId, ...(dueDate ? { dueDate } : {}) },
  }));
  return [set, ...milestones];
}

function requireLiveRelationship(relationship: KnownRelationship | undefined, by: string): KnownRelationship {
  // Unknown and foreign look the same, so nobody learns of relationships they are not in.
  const isParty = relationship && [...relationship.mentorIds, ...relationship.menteeIds].includes(by);
  if (!relationship || !isParty)
    throw new DomainError('relationship-not-found', 'Relationship not found', 'not-found');
  if (relationship.status === 'ended')
    throw new DomainError('relationship-ended', 'The relationship has ended: no new goals');
  if (relationship.status !== 'active' && relationship.status !== 'paused') {
    throw new DomainError(
      'relationship-not-active',
      `The relationship is ${relationship.status}, not active`,
    );
  }
  return relationship;
}

/** The owner is named, or the acting mentee, or the relationship's only mentee. */
function ownerOf(command: SetGoal, relationship: KnownRelationship): string {
  const { menteeIds } = relationship;
  const ownerId =
    command.ownerId ??
    (menteeIds.includes(command.by) ? command.by : menteeIds.length === 1 ? menteeIds[0] : undefined);
  if (!ownerId)
    throw new DomainError('owner-required', 'Name the mentee who owns the goal (ownerId)', 'invalid');
  if (!menteeIds.includes(ownerId))
    throw new DomainError('owner-not-mentee', 'A goal is owned by a mentee of the relationship', 'invalid');
  return ownerId;
}
