import { DomainError } from '@tandem/kernel';
import { partiesOf, type ExistingRelationship } from './relationship-state';

export function requireStatus(
  state: ExistingRelationship,
  allowed: readonly ExistingRelationship['status'][],
  action: string,
): void {
  if (!allowed.includes(state.status)) {
    throw new DomainError(
      'transition-not-allowed',
      `Cannot ${action} a relationship that is ${state.status}`,
    );
  }
}

export function requireActor(command: { by: string; asAdmin: boolean }, state: ExistingRelationship): void {
  if (!command.asAdmin) requireParty(command.by, state);
}

export function requireParty(userId: string, state: ExistingRelationship): void {
  if (!partiesOf(state).includes(userId)) {
    throw new DomainError(
      'not-a-party',
      'Only the mentor and mentee of this relationship can do this',
      'forbidden',
    );
  }
}
