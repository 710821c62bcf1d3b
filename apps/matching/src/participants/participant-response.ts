import { z } from 'zod';
import type { ParticipantView } from '../infrastructure/views';

const tags = z.array(z.string());

/** The profile as shown: demographic attributes never leave the service one person at a time. */
const shownProfileSchema = z.object({
  department: z.string().optional(),
  managerId: z.string().optional(),
  location: z.string().optional(),
  timezone: z
    .string()
    .optional()
    .meta({ examples: ['Europe/Paris'] }),
  level: z.number().int().optional(),
  languages: tags,
  skillsOffered: tags,
  skillsSought: tags,
  focusAreas: tags,
  answers: z
    .record(z.string(), z.union([z.string(), z.array(z.string()), z.number()]))
    .describe('Question id → answer'),
  overallCapacity: z
    .number()
    .int()
    .optional()
    .describe('A cap on the mentor’s relationships across programs'),
});

export const participantResponseSchema = z
  .object({
    participantId: z
      .string()
      .meta({ description: 'The participant’s id in this program', examples: ['p-3f9a1c2b7d4e6a8c'] }),
    programId: z.string(),
    userId: z.string().meta({ examples: ['mentee-42'] }),
    version: z
      .number()
      .int()
      .min(1)
      .describe('Stream version of the participant, also its ETag; send it back as If-Match'),
    status: z.enum(['enrolled', 'withdrawn']).meta({ examples: ['enrolled'] }),
    roles: z.array(z.enum(['mentor', 'mentee'])).meta({ examples: [['mentor']] }),
    capacity: z.number().int().optional().describe('How many mentees the mentor takes in this program'),
    facets: z
      .record(z.string(), z.string())
      .describe('Directory codes (department, level, location) used in aggregates'),
    profile: shownProfileSchema,
    enrolledAt: z.iso.datetime().meta({ examples: ['2027-01-05T09:30:00.000Z'] }),
  })
  .describe('A participant of a program');
export type ParticipantResponse = z.output<typeof participantResponseSchema>;

/** The public shape of a participant, once enrolled at least once (version ≥ 1). */
export function participantResponse(view: ParticipantView): ParticipantResponse {
  const { status, roles, facets, profile } = view;
  if (!status || !roles || !facets) throw new Error(`participant ${view.participantId} is not projected`);
  const {
    demographics: _demographics,
    demographicsConsent: _consent,
    ...shown
  } = profile as ParticipantView['profile'] & { demographicsConsent?: boolean };
  return {
    participantId: view.participantId,
    programId: view.programId,
    userId: view.userId,
    version: view.version,
    status,
    roles,
    ...(view.capacity === undefined ? {} : { capacity: view.capacity }),
    facets,
    profile: {
      ...shown,
      languages: [...shown.languages],
      skillsOffered: [...shown.skillsOffered],
      skillsSought: [...shown.skillsSought],
      focusAreas: [...shown.focusAreas],
      answers: Object.fromEntries(
        Object.entries(shown.answers).map(([id, answer]) => [
          id,
          Array.isArray(answer) ? [...(answer as readonly string[])] : (answer as string | number),
        ]),
      ),
    },
    enrolledAt: view.enrolledAt,
  };
}
