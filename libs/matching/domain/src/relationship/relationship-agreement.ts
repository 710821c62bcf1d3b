import type { TandemEvent } from '@tandem/events';
import { DomainError } from '@tandem/kernel';
import type { RelationshipCommand } from './relationship-commands';
import { requireParty, requireStatus } from './relationship-guards';
import {
  isAgreed,
  type AgreementState,
  type Availability,
  type ExistingRelationship,
} from './relationship-state';

type RelationshipEvent = Extract<TandemEvent, { type: `matching.relationship.${string}` }>;
type Command<T extends RelationshipCommand['type']> = Extract<RelationshipCommand, { type: T }>;

/**
 * The agreement is mutual: a party proposes a version (their own availability merged into the
 * others'), which counts as their confirmation; it is agreed once every party confirmed that same
 * version. Every proposal is a new version (its goals, kept as text beside the events, may be all
 * that changed), so everyone confirms again.
 */
export function decideProposeAgreement(
  command: Command<'propose-agreement'>,
  state: ExistingRelationship,
): RelationshipEvent[] {
  requireStatus(state, ['active', 'paused'], 'agree on');
  requireParty(command.by, state);
  const current = agreementOf(state);
  const availability = mergedAvailability(current?.availability ?? [], command);
  const ref = { relationshipId: state.relationshipId, programId: state.programId };
  const agreementVersion = (current?.version ?? 0) + 1;
  const { sessionsPerMonth, channel, confidentiality, agreedUntil } = command.terms;
  return [
    {
      type: 'matching.relationship.agreement-proposed',
      data: {
        ...ref,
        by: command.by,
        agreementVersion,
        sessionsPerMonth,
        channel,
        confidentiality,
        ...(agreedUntil ? { agreedUntil } : {}),
        availability: availability.map((a) => ({ ...a, windows: a.windows.map((w) => ({ ...w })) })),
      },
    },
    { type: 'matching.relationship.agreement-confirmed', data: { ...ref, by: command.by, agreementVersion } },
  ];
}

export function decideConfirmAgreement(
  command: Command<'confirm-agreement'>,
  state: ExistingRelationship,
): RelationshipEvent[] {
  requireStatus(state, ['active', 'paused'], 'agree on');
  requireParty(command.by, state);
  const current = agreementOf(state);
  if (!current) throw new DomainError('no-agreement-proposed', 'Nobody has proposed an agreement yet');
  if (command.agreementVersion !== current.version) {
    throw new DomainError(
      'agreement-version-changed',
      `Version ${command.agreementVersion} is not the agreement's current version ${current.version}: read it and confirm that one`,
    );
  }
  if (current.confirmedBy.includes(command.by))
    throw new DomainError('already-confirmed', `You have already confirmed version ${current.version}`);
  const ref = { relationshipId: state.relationshipId, programId: state.programId };
  const confirmed: RelationshipEvent = {
    type: 'matching.relationship.agreement-confirmed',
    data: { ...ref, by: command.by, agreementVersion: current.version },
  };
  if (!isAgreed(state, { confirmedBy: [...current.confirmedBy, command.by] })) return [confirmed];
  // The agreement in force: what sessions and analytics take the agreed cadence from.
  const { sessionsPerMonth, agreedUntil } = current.terms;
  return [
    confirmed,
    {
      type: 'matching.relationship.agreement-recorded',
      data: { ...ref, by: command.by, sessionsPerMonth, ...(agreedUntil ? { agreedUntil } : {}) },
    },
  ];
}

function agreementOf(state: ExistingRelationship): AgreementState | undefined {
  return state.status === 'active' || state.status === 'paused' ? state.agreement : undefined;
}

function mergedAvailability(
  current: readonly Availability[],
  command: Command<'propose-agreement'>,
): Availability[] {
  const own = command.availability;
  if (!own) return [...current];
  for (const window of own.windows) {
    if (window.from >= window.to)
      throw new DomainError(
        'invalid-window',
        `A window ends after it starts (${window.day} ${window.from}–${window.to})`,
        'invalid',
      );
  }
  const others = current.filter((a) => a.participantId !== command.by);
  return [...others, { participantId: command.by, timeZone: own.timeZone, windows: own.windows }].sort(
    (a, b) => a.participantId.localeCompare(b.participantId),
  );
}
