import { Injectable } from '@nestjs/common';
import { queryOperator } from '@tandem/auth';
import { z } from 'zod';
import { ReadModels } from '../infrastructure/read-model-collections';

/** How a person is shown on a screen: read from the directory, never from events. */
export const personNameSchema = z.object({
  userId: z.string().describe("The person's user id"),
  displayName: z.string().nullable().describe('Name to show; null when the directory has none'),
  photoUrl: z.string().nullable().describe('Photo to show; null when the directory has none'),
  active: z.boolean().describe('False once the identity provider (or an admin) deactivated the person'),
});
export type PersonName = z.output<typeof personNameSchema>;

export const peopleNamesSchema = z
  .record(z.string(), personNameSchema)
  .describe('With `include=people`: the people the answer names, by the id it names them with');

/** `?include=people`: answers that name people also say who they are. */
export const includePeopleQuery = z.strictObject({
  include: z
    .literal('people')
    .optional()
    .describe('`people` adds the display names and photos of the people named'),
});

export type IncludePeopleQuery = z.output<typeof includePeopleQuery>;

/** Display names and photos for the people an answer names, in one read of the directory. */
@Injectable()
export class PeopleNames {
  constructor(private readonly readModels: ReadModels) {}

  /** By user id; people the directory does not know are left out (the screen shows their id). */
  async byUserId(tenantId: string, userIds: Iterable<string>): Promise<Record<string, PersonName>> {
    const wanted = [...new Set(userIds)];
    if (wanted.length === 0) return {};
    const people = await this.readModels
      .forTenant(tenantId)
      .people.find({ userId: queryOperator({ $in: wanted }), version: queryOperator({ $gt: 0 }) })
      .toArray();
    return Object.fromEntries(
      people.map((person) => [
        person.userId,
        {
          userId: person.userId,
          displayName: person.entry.displayName ?? null,
          photoUrl: person.entry.photoUrl ?? null,
          active: person.active,
        },
      ]),
    );
  }

  /** By participant id (match runs name participants): through each participant's user id. */
  async byParticipantId(
    tenantId: string,
    participantIds: Iterable<string>,
  ): Promise<Record<string, PersonName>> {
    const wanted = [...new Set(participantIds)];
    if (wanted.length === 0) return {};
    const participants = await this.readModels
      .forTenant(tenantId)
      .participants.find(
        { participantId: queryOperator({ $in: wanted }) },
        { projection: { participantId: 1, userId: 1 } },
      )
      .toArray();
    const names = await this.byUserId(
      tenantId,
      participants.map((p) => p.userId),
    );
    return Object.fromEntries(
      participants.flatMap((p) =>
        names[p.userId] ? [[p.participantId, names[p.userId] as PersonName]] : [],
      ),
    );
  }
}
