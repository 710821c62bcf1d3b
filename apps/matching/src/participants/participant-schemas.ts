import { pageQuery } from '@tandem/auth';
import { z } from 'zod';
import { answerNumber } from '../programs/program-schemas';

const tag = z.string().trim().min(1).max(80);
const tags = z.array(tag).max(50);
export const userIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_:-]{0,99}$/, 'must be a user id (letters, digits, _ : -)');

const profileFields = {
  department: z.string().trim().min(1).max(120).optional(),
  managerId: userIdSchema.optional(),
  location: z.string().trim().min(1).max(120).optional(),
  timezone: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .refine(isKnownTimezone, 'must be an IANA time zone like Europe/Paris')
    .optional(),
  level: z.number().int().min(1).max(15).optional(),
  languages: tags.optional(),
  skillsOffered: tags.optional(),
  skillsSought: tags.optional(),
  focusAreas: tags.optional(),
  answers: z
    .record(
      z.string().max(60),
      z.union([z.string().max(80), z.array(z.string().max(80)).max(50), answerNumber]),
    )
    .optional(),
  /** Self-identified, optional; stored only with explicit consent and used only in aggregates. */
  demographics: z
    .record(
      z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a lower-case key'),
      z.string().trim().min(1).max(80),
    )
    .optional(),
  demographicsConsent: z.boolean().optional(),
};

const emptyLists = { languages: [], skillsOffered: [], skillsSought: [], focusAreas: [], answers: {} };
export const profileInput = z
  .strictObject(profileFields)
  .transform((profile) => ({ ...emptyLists, ...profile }));
export type ProfileInput = z.infer<typeof profileInput>;

/** Demographic attributes are stored only with explicit consent given in the same request. */
function requireDemographicsConsent(
  body: { profile: { demographics?: unknown; demographicsConsent?: boolean } },
  ctx: z.RefinementCtx,
): void {
  if (body.profile.demographics && body.profile.demographicsConsent !== true) {
    ctx.addIssue({
      code: 'custom',
      path: ['profile', 'demographicsConsent'],
      message: 'must be true to store demographic attributes',
    });
  }
}

export const enrolBody = z
  .strictObject({
    /** Program admins enrol others; a participant always enrols themselves. */
    userId: userIdSchema.optional(),
    roles: z
      .array(z.enum(['mentor', 'mentee']))
      .min(1)
      .max(2),
    capacity: z.number().int().min(0).max(50).optional(),
    /** Kept for older clients: sets the person's cap across programs if they have none (PATCH /mentors/:userId/load). */
    overallCapacity: z
      .number()
      .int()
      .min(1)
      .max(100)
      .optional()
      .describe(
        'Deprecated: the person’s cap across programs, set only if they have none yet; use PATCH /mentors/{userId}/load',
      ),
    profile: profileInput.default(emptyLists),
  })
  .superRefine(requireDemographicsConsent);
export type EnrolBody = z.infer<typeof enrolBody>;

/** Only the profile fields sent change; consent withdrawn (`demographicsConsent: false`) erases the attributes. */
export const profileUpdateBody = z
  .strictObject({ profile: z.strictObject(profileFields) })
  .superRefine(requireDemographicsConsent);

export const listParticipantsQuery = z.strictObject({
  role: z.enum(['mentor', 'mentee']).optional(),
  status: z.enum(['enrolled', 'withdrawn']).optional(),
  ...pageQuery(1000, 200),
});
export type ListParticipantsQuery = z.output<typeof listParticipantsQuery>;

export const withdrawBody = z.strictObject({
  reason: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case code like "left-company"')
    .default('other'),
});

/** Zones already checked: a CSV import asks about the same few thousands of times (Intl is slow to ask). */
const checkedZones = new Map<string, boolean>();

function isKnownTimezone(zone: string): boolean {
  const checked = checkedZones.get(zone);
  if (checked !== undefined) return checked;
  let known = true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    known = false;
  }
  // Zones are request text: past a thousand distinct ones the memory starts over rather than grow.
  if (checkedZones.size >= 1024) checkedZones.clear();
  checkedZones.set(zone, known);
  return known;
}
