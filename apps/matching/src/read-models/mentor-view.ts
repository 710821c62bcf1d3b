import type { EventEnvelope } from '@tandem/events';
import type { MentorView } from '../infrastructure/views';
import { stamped, type ViewState } from './read-model-state';

export type MentorState = ViewState<MentorView>;

/** The mentors read model: a person's overall capacity across programs, by user id. */
export function evolveMentorView(view: MentorState | undefined, event: EventEnvelope): MentorState {
  const base = view ?? { tenantId: event.metadata.tenantId, userId: '', version: 0 };
  if (event.type !== 'matching.mentor.overall-capacity-set') return stamped(base, event);
  const { userId, overallCapacity } = event.data;
  const { overallCapacity: _previous, ...rest } = base;
  return stamped({ ...rest, userId, ...(overallCapacity === undefined ? {} : { overallCapacity }) }, event);
}
