import type { GoalTemplateTextsView, GoalTemplateView } from '../infrastructure/views';

/** A template as the API shows it: its read model joined with its texts. */
export function templateResponse(
  template: GoalTemplateView,
  texts: Omit<GoalTemplateTextsView, '_id' | 'tenantId'>,
) {
  const { templateId, programId, category, publishedAt } = template;
  const { title, description, suggestedMeasure, horizon, milestones } = texts;
  return {
    templateId,
    programId,
    title,
    description,
    competency: category,
    suggestedMeasure,
    horizon,
    milestones,
    publishedAt,
  };
}
