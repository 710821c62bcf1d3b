import { Injectable } from '@nestjs/common';
import { queryOperator } from '@tandem/auth';
import { includePeopleField, type PersonName } from '@tandem/runtime';
import { z } from 'zod';
import { ReadModels } from '../infrastructure/read-model-collections';

export { peopleNamesSchema } from '@tandem/runtime';

/** `?include=people`: answers that name people also say who they are. */
export const includePeopleQuery = z.strictObject(includePeopleField);
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
