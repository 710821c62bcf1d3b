import type { EventEnvelope } from '@tandem/events';
import type { GoalTemplateView } from '../../infrastructure/views';

/** Pure: a template read model from its only event, `goals.goal-template.published` (templates are immutable). */
export function evolveTemplateView(
  view: GoalTemplateView | undefined,
  event: EventEnvelope,
): GoalTemplateView {
  if (view) return view;
  if (event.type !== 'goals.goal-template.published')
    throw new Error(`template view: ${event.type} cannot start a template`);
  const { templateId, programId, category, publishedBy } = event.data;
  return {
    tenantId: event.metadata.tenantId,
    templateId,
    category,
    publishedBy,
    publishedAt: event.metadata.time,
    version: event.metadata.streamVersion,
    ...(programId ? { programId } : {}),
  };
}
