import type { TandemEvent } from '@tandem/events';
import { DomainError, type Decider } from '@tandem/kernel';

type PersonEvent = Extract<TandemEvent, { type: `matching.person.${string}` }>;

/** Where a directory change came from: the identity provider (SCIM), an HR file, or an admin. */
export type DirectorySource = 'scim' | 'csv' | 'admin';

/** A person of the tenant's directory, by user id; their name and the rest are kept beside the events. */
export type PersonState =
  { readonly status: 'none' } | { readonly status: 'active' | 'deactivated'; readonly userId: string };

interface PersonCommandBase {
  readonly userId: string;
  readonly by: string;
  readonly source: DirectorySource;
}

export type PersonCommand =
  /** A new entry; `ifAbsent` makes an existing one no error (an HR file enrolling known people). */
  | (PersonCommandBase & {
      readonly type: 'provision';
      readonly changedFields: readonly string[];
      readonly ifAbsent?: boolean;
    })
  /**
   * Fields changed (codes such as `display-name`) and, when given, whether the person is active:
   * one append, so a replaced entry and its deactivation are written together or not at all.
   * Nothing changed decides nothing.
   */
  | (PersonCommandBase & {
      readonly type: 'update';
      readonly changedFields: readonly string[];
      readonly active?: boolean;
    });

export const personDecider: Decider<PersonCommand, TandemEvent, PersonState> = {
  initialState: (): PersonState => ({ status: 'none' }),

  evolve(state: PersonState, event: TandemEvent): PersonState {
    switch (event.type) {
      case 'matching.person.provisioned':
      case 'matching.person.reactivated':
        return { status: 'active', userId: event.data.userId };
      case 'matching.person.deactivated':
        return { status: 'deactivated', userId: event.data.userId };
      default:
        return state;
    }
  },

  decide(command: PersonCommand, state: PersonState): PersonEvent[] {
    const { userId, by, source } = command;
    if (command.type === 'provision') {
      if (state.status !== 'none') {
        if (command.ifAbsent) return [];
        throw new DomainError('person-exists', `${userId} is already in the directory`, 'conflict');
      }
      return [
        {
          type: 'matching.person.provisioned',
          data: { userId, by, source, changedFields: [...command.changedFields] },
        },
      ];
    }
    if (state.status === 'none') throw new DomainError('person-not-found', 'Person not found', 'not-found');
    const events: PersonEvent[] = [];
    if (command.changedFields.length > 0)
      events.push({
        type: 'matching.person.changed',
        data: { userId, by, source, changedFields: [...command.changedFields] },
      });
    if (command.active === false && state.status === 'active')
      events.push({ type: 'matching.person.deactivated', data: { userId, by, source } });
    if (command.active === true && state.status === 'deactivated')
      events.push({ type: 'matching.person.reactivated', data: { userId, by, source } });
    return events;
  },
};
