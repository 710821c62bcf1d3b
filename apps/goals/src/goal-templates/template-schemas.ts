import { pageQuery } from '@tandem/auth';
import { z } from 'zod';
import { codeField, horizonField, idField, measureField } from '../goals/goal-schemas';

export const publishTemplateBody = z.strictObject({
  programId: idField,
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(4000).optional(),
  competency: codeField,
  suggestedMeasure: measureField,
  horizon: horizonField.optional(),
  milestones: z
    .array(z.strictObject({ title: z.string().trim().min(1).max(200) }))
    .max(50)
    .default([]),
});
export type PublishTemplateBody = z.infer<typeof publishTemplateBody>;

export const listTemplatesQuery = z.strictObject({ programId: idField, ...pageQuery(200, 100) });
export type ListTemplatesQuery = z.infer<typeof listTemplatesQuery>;
