import { z } from 'zod';

const instant = z.iso.datetime({ offset: true }).meta({ examples: ['2026-03-01T09:30:00.000Z'] });

/**
 * Where the facts stand: the generation that answers, the one being filled (if any), the last
 * switch and the last refusal. An operator sees every tenant's figures; anyone else only their
 * own tenant's.
 */
export const rebuildStatusSchema = z.object({
  activeGeneration: z
    .int()
    .min(1)
    .describe('The facts generation that answers questions')
    .meta({ examples: [2] }),
  building: z
    .object({
      generation: z.int().min(1),
      startedAt: instant,
      replayed: z
        .int()
        .min(0)
        .describe(
          "Events replayed so far (an operator: all tenants' offsets; otherwise the caller's tenant's events)",
        ),
      total: z
        .int()
        .min(0)
        .nullable()
        .describe(
          'Events to replay, for an operator (known once the first progress check ran); null for a tenant',
        ),
    })
    .nullable()
    .describe('The rebuild under way; null when none is'),
  lastRebuild: z
    .object({ generation: z.int().min(1), startedAt: instant, finishedAt: instant })
    .nullable()
    .describe('The last rebuild that switched over; null before any'),
  lastRefusal: z
    .object({
      generation: z.int().min(1),
      startedAt: instant,
      refusedAt: instant,
      truncatedPartitions: z
        .array(z.object({ topic: z.string(), partition: z.int().min(0), firstOffset: z.int().min(1) }))
        .describe(
          'Partitions whose first records were deleted from Kafka: events of unknown streams are gone',
        ),
      incompleteStreams: z
        .int()
        .min(0)
        .describe('Streams (of the caller’s tenant, or all for an operator) with missing versions'),
      missing: z
        .array(
          z.object({
            tenantId: z.string(),
            streamId: z.string(),
            missingVersions: z
              .array(z.int().min(1))
              .describe('The first stream versions the replay never saw'),
          }),
        )
        .describe('The first incomplete streams'),
    })
    .nullable()
    .describe(
      'The last rebuild that found history missing and did not switch (the old generation kept answering); null if none since the last start',
    ),
});
export type RebuildStatus = z.output<typeof rebuildStatusSchema>;
