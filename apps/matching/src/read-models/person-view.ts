import type { EventEnvelope } from '@tandem/events';
import type { PersonView } from '../infrastructure/views';
import { stamped, type ViewState } from './read-model-state';

export type PersonState = ViewState<PersonView>;

/** The people read model: whether a person is active, and when their entry was made and changed. */
export function evolvePersonView(view: PersonState | undefined, event: EventEnvelope): PersonState {
  const at = event.metadata.time;
  const base: PersonState = view ?? {
    tenantId: event.metadata.tenantId,
    userId: '',
    version: 0,
    active: false,
    createdAt: at,
    updatedAt: at,
    entry: {},
  };
  switch (event.type) {
    case 'matching.person.provisioned':
      return stamped({ ...base, userId: event.data.userId, active: true, createdAt: base.version === 0 ? at : base.createdAt, updatedAt: at }, event);
    case 'matching.person.changed':
      return stamped({ ...base, updatedAt: at }, event);
    case 'matching.person.deactivated':
      return stamped({ ...base, active: false, updatedAt: at }, event);
    case 'matching.person.reactivated':
      return stamped({ ...base, active: true, updatedAt: at }, event);
    default:
      return stamped(base, event);
  }
}
