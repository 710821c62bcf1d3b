import { z } from 'zod';
import { goalMeasureSchema } from '../goals/goal-response';
import type { GoalTemplateTextsView, GoalTemplateView } from '../infrastructure/views';

/** A goal template: what a goal set from it starts with. */
export const templateResponseSchema = z.object({
  templateId: z.string().meta({ examples: ['0b7e4a52-7d1c-4f0e-8a7b-2c9d3e4f5a6b'] }),
  programId: z.string().optional().describe('Absent for a template of no one program'),
  title: z.string(),
  description: z.string().optional(),
  competency: z.string().meta({ examples: ['leadership'] }),
  suggestedMeasure: goalMeasureSchema,
  horizon: z
    .enum(['short-term', 'long-term'])
    .optional()
    .meta({ examples: ['long-term'] }),
  milestones: z.array(z.object({ title: z.string() })),
  publishedAt: z.iso.datetime({ offset: true }).meta({ examples: ['2026-03-01T09:30:00.000Z'] }),
  version: z
    .int()
    .describe('Stream version, also the ETag')
    .meta({ examples: [1] }),
});
export type TemplateResponse = z.output<typeof templateResponseSchema>;

/** A template as the API shows it: its read model joined with its texts. */
export function templateResponse(
  template: GoalTemplateView,
  texts: Omit<GoalTemplateTextsView, '_id' | 'tenantId'>,
): TemplateResponse {
  const { templateId, programId, category, publishedAt, version } = template;
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
    version,
  };
}
