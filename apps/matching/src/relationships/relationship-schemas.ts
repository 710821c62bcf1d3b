import { pageQuery } from '@tandem/auth';
import { z } from 'zod';

const code = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case code like "schedule-conflict"');
/** Ids in bodies and query strings: plain ids only, so nothing like {"$ne":null} reaches a query. */
export const idField = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_:-]{0,99}$/, 'must be an id (letters, digits, _ : -)');
const participantId = idField;

/** A mentee asks a mentor (self-select, hybrid), or a program admin matches by hand (`menteeIds`). */
export const proposeRelationshipBody = z.strictObject({
  programId: idField,
  mentorId: participantId,
  menteeIds: z.array(participantId).min(1).max(50).optional(),
});
export type ProposeRelationshipBody = z.infer<typeof proposeRelationshipBody>;

export const listRelationshipsQuery = z.strictObject({
  programId: idField.optional(),
  status: z.enum(['proposed', 'active', 'paused', 'ended', 'declined', 'expired']).optional(),
  ...pageQuery(500, 100),
});
export type ListRelationshipsQuery = z.output<typeof listRelationshipsQuery>;

export const declineBody = z.strictObject({ reason: code });
export const pauseBody = z.strictObject({ reason: code.default('other') });
export const emptyBody = z.strictObject({});

/** Words people use → the reason codes published on `matching.relationship.ended`. */
export const endReasons = {
  'goals-achieved': 'completed',
  'program-ended': 'program-closed',
  'not-a-good-fit': 'mismatch',
  'left-company': 'participant-withdrew',
  other: 'other',
} as const;
export const endBody = z.strictObject({
  reason: z.enum(Object.keys(endReasons) as [keyof typeof endReasons, ...(keyof typeof endReasons)[]]),
  requestRematch: z.boolean().default(false),
});

export const agreementBody = z.strictObject({
  scope: z.string().trim().min(1).max(2000),
  sessionsPerMonth: z.number().min(0).max(31),
  preferredChannel: z.enum(['in-person', 'video', 'phone', 'chat']),
  confidentialityAcknowledged: z.literal(true, {
    error: 'must be true: both parties acknowledge confidentiality',
  }),
  agreedUntil: z.iso.date().optional(),
});
export type AgreementBody = z.infer<typeof agreementBody>;

export const reflectionBody = z.strictObject({
  rating: z.number().int().min(1).max(5),
  goalsAchieved: z.enum(['yes', 'partly', 'no']),
  skillsGained: z.array(code).max(20).default([]),
  wouldRecommend: z.boolean(),
  comment: z.string().max(4000).optional(),
});
export type ReflectionBody = z.infer<typeof reflectionBody>;
