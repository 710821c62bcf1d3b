import type { GoalTemplateView } from '../infrastructure/views';

export function templateResponse(view: GoalTemplateView) {
  const {
    templateId,
    programId,
    title,
    description,
    category,
    suggestedMeasure,
    horizon,
    milestones,
    publishedAt,
  } = view;
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
