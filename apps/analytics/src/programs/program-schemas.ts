import { z } from 'zod';

export const programIdParam = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_:-]{0,99}$/, 'must be a program id');
export const asOfQuery = z.strictObject({ asOf: z.iso.datetime({ offset: true }).optional() });
export const healthQuery = z.strictObject({ at: z.iso.datetime({ offset: true }).optional() });
export const achievementsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  asOf: z.iso.datetime({ offset: true }).optional(),
});
export type AchievementsQuery = z.output<typeof achievementsQuery>;
