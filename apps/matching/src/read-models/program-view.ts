import type { EventEnvelope } from '@tandem/events';
import type { ProgramView } from '../infrastructure/views';
import { stamped, type ViewState } from './read-model-state';

export type ProgramState = ViewState<ProgramView>;

/**
 * The programs read model: settings and status from the program's events, over the name and
 * description the create and update handlers write beside them (free text stays out of events).
 */
export function evolveProgramView(view: ProgramState | undefined, event: EventEnvelope): ProgramState {
  // The handler writes the texts before the first event; without them (a rebuild) the name is empty.
  const current = stamped(
    view ?? {
      tenantId: event.metadata.tenantId,
      programId: '',
      name: '',
      createdAt: event.metadata.time,
      version: 0,
    },
    event,
  );
  switch (event.type) {
    case 'matching.program.created': {
      const { programId, programType, settings } = event.data;
      return { ...current, programId, programType, settings, status: 'draft' };
    }
    case 'matching.program.updated':
      return current.settings
        ? { ...current, settings: { ...current.settings, ...event.data.changes } }
        : current;
    case 'matching.program.enrolment-opened':
      return { ...current, status: 'enrolment-open' };
    case 'matching.program.enrolment-closed':
      return { ...current, status: 'enrolment-closed' };
    case 'matching.program.launched':
      return { ...current, status: 'active' };
    case 'matching.program.closed':
      return { ...current, status: 'closed' };
    default:
      return current;
  }
}
