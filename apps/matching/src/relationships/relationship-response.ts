import { pageOf } from '@tandem/auth';
import { z } from 'zod';
import type { RelationshipView } from '../infrastructure/views';

const userIds = (description: string, example: string) =>
  z.array(z.string()).meta({ description, examples: [[example]] });
const instant = (description: string) =>
  z.string().meta({ description, examples: ['2027-03-01T09:30:00.000Z'] });

const agreementSchema = z.object({
  scope: z.string().describe('What the pair works on, in their words'),
  preferredChannel: z.enum(['in-person', 'video', 'phone', 'chat']),
  sessionsPerMonth: z.number(),
  confidentialityAcknowledged: z.literal(true),
  agreedUntil: z
    .string()
    .optional()
    .meta({ description: 'Last day of the agreement', examples: ['2027-12-31'] }),
});

/** A relationship as its parties and its program's admins see it. */
export const relationshipResponseSchema = z.object({
  relationshipId: z
    .string()
    .meta({ description: 'Id of the relationship', examples: ['5f0c2a9e-4b1d-4c3e-9a7f-2d8e6b1c0a35'] }),
  programId: z.string().meta({ description: 'Program it belongs to', examples: ['prog-eng-2027'] }),
  version: z.number().int().describe('Stream version, also sent as the ETag'),
  status: z
    .enum(['proposed', 'active', 'paused', 'ended', 'declined', 'expired'])
    .meta({ examples: ['proposed'] }),
  mentorIds: userIds('User ids of the mentors', 'mentor-x'),
  menteeIds: userIds('User ids of the mentees', 'mentee-a'),
  score: z.number().describe('Match score, 0–100 (the mean over its mentees for a group)'),
  source: z
    .enum(['match-run', 'self-select', 'admin'])
    .meta({ description: 'What proposed it', examples: ['match-run'] }),
  expiresAt: instant('When the proposal expires unless accepted'),
  runId: z.string().optional().describe('The match run that proposed it (source match-run)'),
  acceptedBy: z.array(z.string()).optional().describe('User ids of those who accepted the proposal'),
  startedAt: instant('When the last acceptance started it').optional(),
  agreedBy: z.array(z.string()).optional().describe('User ids of the parties who recorded their agreement'),
  endReason: z
    .enum(['completed', 'mismatch', 'participant-withdrew', 'program-closed', 'other'])
    .optional()
    .meta({ description: 'Why it ended', examples: ['completed'] }),
  reflectedBy: z.array(z.string()).optional().describe('User ids of the parties who submitted a reflection'),
  agreements: z
    .record(z.string(), agreementSchema)
    .optional()
    .describe('Per party (user id): their agreement'),
  reflectionComments: z
    .record(z.string(), z.string())
    .optional()
    .describe('Per party (user id): the comment of their closing reflection'),
});
export type RelationshipResponse = z.output<typeof relationshipResponseSchema>;

export const relationshipListResponseSchema = pageOf(relationshipResponseSchema);
export type RelationshipListResponse = z.output<typeof relationshipListResponseSchema>;

export function relationshipResponse(view: RelationshipView): RelationshipResponse {
  const { _id: _storageId, tenantId: _tenantId, _applied, _revision, ...relationship } = view;
  return relationship;
}
