import { pageOf } from '@tandem/auth';
import { z } from 'zod';
import type { RelationshipView } from '../infrastructure/views';
import { peopleNamesSchema } from '../people/people-names';

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

const availabilitySchema = z.object({
  participantId: z.string().describe('User id of the party whose availability this is'),
  timeZone: z.string().meta({ description: 'IANA time zone the windows are in', examples: ['Europe/Paris'] }),
  windows: z.array(
    z.object({
      day: z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
      from: z.string().meta({ description: 'Local start, HH:MM', examples: ['09:00'] }),
      to: z.string().meta({ description: 'Local end, HH:MM', examples: ['11:30'] }),
    }),
  ),
});

export const mutualAgreementSchema = z.object({
  version: z.number().int().describe('Version of the agreement; any change makes a new one'),
  status: z.enum(['proposed', 'agreed']).describe('`agreed` once every party confirmed this version'),
  proposedBy: z.string().describe('User id of the party who proposed this version'),
  confirmedBy: z.array(z.string()).describe('User ids of the parties who confirmed this version'),
  sessionsPerMonth: z.number().describe('Cadence: sessions per month'),
  channel: z.enum(['in-person', 'video', 'phone', 'chat']).describe('Meeting channel'),
  confidentiality: z
    .enum(['pair-only', 'pair-and-program-admins'])
    .describe('Who may know what is discussed'),
  agreedUntil: z
    .string()
    .optional()
    .meta({ description: 'Last day of the agreement', examples: ['2027-12-31'] }),
  availability: z.array(availabilitySchema).describe("Each party's weekly windows, in their own time zone"),
  goals: z.array(z.string()).optional().describe('Goals of the relationship'),
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
    .describe(
      'Per party (user id): the terms they recorded (relationships from before agreements were mutual)',
    ),
  reflectionComments: z
    .record(z.string(), z.string())
    .optional()
    .describe(
      'Per party (user id): the comment of their closing reflection, when the caller may read it (its author; the admins or every party if the author shared it)',
    ),
  agreement: mutualAgreementSchema.optional().describe('The mutual agreement, its current version'),
  rematch: z
    .object({
      status: z.enum(['queued', 'proposed']),
      requestedBy: z.string(),
      requestedAt: instant('When the re-match was asked for'),
      newRelationshipId: z.string().optional().describe('The proposal that answered it'),
    })
    .optional()
    .describe('A re-match asked for when it ended'),
  deactivatedParties: z
    .array(z.string())
    .optional()
    .describe(
      'User ids of parties the identity provider deactivated while it ran: it goes on until an admin decides',
    ),
});
export type RelationshipResponse = z.output<typeof relationshipResponseSchema>;

export const relationshipListResponseSchema = pageOf(relationshipResponseSchema).extend({
  people: peopleNamesSchema.optional(),
});
export const relationshipWithPeopleSchema = relationshipResponseSchema.extend({
  people: peopleNamesSchema.optional(),
});
export type RelationshipListResponse = z.output<typeof relationshipListResponseSchema>;

export function relationshipResponse(view: RelationshipView): RelationshipResponse {
  // Reflection comments are shown only through `withReadableReflections`, which knows the reader.
  const {
    _id: _storageId,
    tenantId: _tenantId,
    _applied,
    _revision,
    reflectionComments: _comments,
    reflectionCommentVisibility: _visibility,
    ...relationship
  } = view;
  return relationship;
}
