import { pageQuery } from '@tandem/auth';
import { z } from 'zod';
import { includePeopleQuery } from '../people/people-names';

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
  ...includePeopleQuery.shape,
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

const clock = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a time HH:MM');
const timeZone = z
  .string()
  .regex(/^[A-Za-z]+(\/[A-Za-z0-9_+-]+)*$/, 'must be an IANA time zone like "Europe/Paris"')
  .refine(isTimeZone, 'must be an IANA time zone like "Europe/Paris"');

/** A party proposes the agreement's next version; proposing counts as their confirmation of it. */
export const agreementBody = z.strictObject({
  goals: z.array(z.string().trim().min(1).max(500)).min(1).max(10),
  sessionsPerMonth: z.number().min(0).max(31),
  channel: z.enum(['in-person', 'video', 'phone', 'chat']),
  confidentiality: z.enum(['pair-only', 'pair-and-program-admins']).default('pair-only'),
  confidentialityAcknowledged: z.literal(true, {
    error: 'must be true: both parties acknowledge confidentiality',
  }),
  agreedUntil: z.iso.date().optional(),
  /** The proposer's own weekly windows; the other parties' stay as they gave them. */
  availability: z
    .strictObject({
      timeZone,
      windows: z
        .array(
          z.strictObject({
            day: z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
            from: clock,
            to: clock,
          }),
        )
        .max(21),
    })
    .optional(),
});
export type AgreementBody = z.output<typeof agreementBody>;

export const confirmAgreementBody = z.strictObject({ version: z.number().int().min(1).max(1_000_000) });
export type ConfirmAgreementBody = z.output<typeof confirmAgreementBody>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const reflectionBody = z.strictObject({
  rating: z.number().int().min(1).max(5),
  goalsAchieved: z.enum(['yes', 'partly', 'no']),
  skillsGained: z.array(code).max(20).default([]),
  wouldRecommend: z.boolean(),
  comment: z.string().max(4000).optional(),
  /** Who reads the comment besides its author: nobody (default), the program's admins, or every party and admin. */
  commentVisibility: z.enum(['private', 'private-with-admins', 'shared']).default('private'),
});
export type ReflectionBody = z.infer<typeof reflectionBody>;

/** An admin answers a re-match: with this mentor (participant id), or the best one that fits. */
export const rematchBody = z.strictObject({ mentorId: idField.optional() });
export type RematchBody = z.output<typeof rematchBody>;
