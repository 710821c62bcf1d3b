import { z } from 'zod';

/** How a person is shown on a screen: read from the people directory, never from events. */
export const personNameSchema = z.object({
  userId: z.string().describe("The person's user id"),
  displayName: z.string().nullable().describe('Name to show; null when the directory has none'),
  photoUrl: z.string().nullable().describe('Photo to show; null when the directory has none'),
  active: z.boolean().describe('False once the identity provider (or an admin) deactivated the person'),
});

export const peopleNamesSchema = z
  .record(z.string(), personNameSchema)
  .describe('With `include=people`: the people the answer names, by the id it names them with');

/** `?include=people`: answers that name people also say who they are (spread into a query schema). */
export const includePeopleField = {
  include: z
    .literal('people')
    .optional()
    .describe('`people` adds the display names and photos of the people named'),
};
