import { DomainError } from '@tandem/kernel';
import type { SessionActor } from './session-commands';
import type { ExistingSession, SessionStatus } from './session-state';

// The checks the session decider shares between commands; each throws a DomainError.

const DAY_MS = 86_400_000;
/** Sessions can be logged after the fact (up to 30 days back) and planned up to a year ahead. */
const EARLIEST_DAYS_BACK = 30;
const LATEST_DAYS_AHEAD = 366;

export function requireMemberOrAdmin(actor: SessionActor): void {
  if (!actor.asAdmin && !actor.members.includes(actor.by)) {
    throw new DomainError(
      'not-a-member',
      'Only the members of the relationship and its program admins can do this',
      'forbidden',
    );
  }
}

export function requireStatus(
  state: ExistingSession,
  allowed: readonly SessionStatus[],
  action: string,
): void {
  if (!allowed.includes(state.status))
    throw new DomainError('transition-not-allowed', `Cannot ${action} a session that is ${state.status}`);
}

export function requireStarted(state: ExistingSession, now: string): void {
  if (Date.parse(now) < Date.parse(state.startsAt))
    throw new DomainError('session-not-started', 'The session has not started yet');
}

export function requireWithinPlanningRange(startsAt: string, now: string): void {
  const offsetDays = (Date.parse(startsAt) - Date.parse(now)) / DAY_MS;
  if (offsetDays < -EARLIEST_DAYS_BACK || offsetDays > LATEST_DAYS_AHEAD) {
    throw new DomainError(
      'start-out-of-range',
      `A session starts between ${EARLIEST_DAYS_BACK} days ago and a year from now`,
      'invalid',
    );
  }
}

export function requireMembers(ids: readonly string[], members: readonly string[], what: string): void {
  const strangers = ids.filter((id) => !members.includes(id));
  if (ids.length === 0 || strangers.length > 0) {
    throw new DomainError('not-members', `The ${what} must be members of the relationship`, 'invalid');
  }
}
