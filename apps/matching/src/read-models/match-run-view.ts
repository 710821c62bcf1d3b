import type { EventEnvelope } from '@tandem/events';
import type { MatchRunView } from '../infrastructure/views';
import { missingDocument, stamped, type ViewState } from './read-model-state';

export type MatchRunState = ViewState<MatchRunView>;

/**
 * The match runs read model: a run's pairs, report and certificate check are written by the run
 * handler before its first event (too large for an event); the events add its status and, once
 * published, the relationships it proposes.
 */
export function evolveMatchRunView(view: MatchRunState | undefined, event: EventEnvelope): MatchRunState {
  const current = stamped(view ?? missingDocument(event), event);
  switch (event.type) {
    case 'matching.match-run.completed':
      return { ...current, status: 'draft' };
    case 'matching.match-run.published':
      return { ...current, status: 'published', relationshipIds: [...event.data.relationshipIds] };
    default:
      return current;
  }
}
