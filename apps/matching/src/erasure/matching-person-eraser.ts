import { Injectable } from '@nestjs/common';
import type { ErasureOf } from '@tandem/runtime';
import { ParticipantImportJobs } from '../participants/participant-imports/import-jobs';
import { documentId, ReadModels } from '../infrastructure/read-model-collections';
import type {
  MatchRunView,
  ParticipantProfile,
  ParticipantView,
  PersonView,
  RelationshipView,
} from '../infrastructure/views';

/** What a required text of an erased person reads as from now on. */
export const ERASED_TEXT = '[erased]';

/** A profile with nothing about the person left: no department, place, answers or demographics. */
const erasedProfile: ParticipantProfile = {
  languages: [],
  skillsOffered: [],
  skillsSought: [],
  focusAreas: [],
  answers: {},
};

/**
 * Matching's part of an erasure: the directory entry, the profiles and answers of every enrolment,
 * the person's agreement terms and reflection comments, the texts of agreements they are a party
 * to (written together), and the CSV rows that named them. Ids, statuses, scores and dates stay:
 * the events hold them anyway, and they say nothing once nothing maps the id to a person.
 * Every write is idempotent, so running it again (a redelivered request) changes nothing more.
 */
@Injectable()
export class MatchingPersonEraser {
  constructor(
    private readonly readModels: ReadModels,
    private readonly imports: ParticipantImportJobs,
  ) {}

  /**
   * The person's own words as they are now, for stored answers that may quote them. Codes (choice
   * answers, languages, demographics) are left out: they would match everyone's answers.
   */
  async textsOf({ tenantId, userId }: ErasureOf): Promise<string[]> {
    const models = this.readModels.forTenant(tenantId);
    const [person, enrolments, relationships] = await Promise.all([
      models.people.findOne({ _id: documentId(tenantId, userId) }),
      models.participants.find({ userId }).toArray(),
      this.relationshipsOf(tenantId, userId),
    ]);
    return [
      ...entryTexts(person),
      ...enrolments.flatMap(profileTexts),
      ...relationships.flatMap((r) => relationshipTexts(r, userId)),
    ].filter((text) => text.length >= 4 && text !== ERASED_TEXT);
  }

  async erase({ tenantId, userId }: ErasureOf, now: Date): Promise<void> {
    const people = this.readModels.raw<PersonView>('people');
    // The entry stays as a marker (its events do too), empty and gone for every read and for SCIM;
    // its userName is free again.
    await people.updateOne(
      { _id: documentId(tenantId, userId), tenantId },
      {
        $set: { entry: {}, active: false, scimDeleted: true, erasedAt: now.toISOString() },
        $unset: { userNameKey: '' },
        $inc: { _revision: 1 },
      },
    );
    await this.readModels
      .raw<ParticipantView>('participants')
      .updateMany({ tenantId, userId }, { $set: { profile: erasedProfile }, $inc: { _revision: 1 } });
    for (const relationship of await this.relationshipsOf(tenantId, userId))
      await this.eraseFrom(relationship, userId);
    await this.eraseExplanations(tenantId, userId);
    await this.imports.eraseRowsNaming(tenantId, userId, ERASED_TEXT);
  }

  /**
   * A pair's explanations quote both profiles ("different locations (mentee Brussels, mentor
   * Lyon)"): in the person's pairs they keep only the points.
   */
  private async eraseExplanations(tenantId: string, userId: string): Promise<void> {
    const models = this.readModels.forTenant(tenantId);
    const enrolments = await models.participants.find({ userId }).toArray();
    const theirs = new Set(enrolments.map((e) => e.participantId));
    for (const programId of new Set(enrolments.map((e) => e.programId))) {
      const runs = await models.matchRuns.find({ programId }).toArray();
      for (const run of runs) {
        if (!run.pairs.some((pair) => theirs.has(pair.menteeId) || theirs.has(pair.mentorId))) continue;
        const pairs = run.pairs.map((pair) =>
          theirs.has(pair.menteeId) || theirs.has(pair.mentorId)
            ? {
                ...pair,
                breakdown: pair.breakdown.map((part) => ({
                  ...part,
                  explanation: `${part.criterion} ${part.points}/${part.maxPoints}`,
                })),
              }
            : pair,
        );
        await this.readModels
          .raw<MatchRunView>('match_runs')
          .updateOne({ _id: run._id }, { $set: { pairs }, $inc: { _revision: 1 } });
      }
    }
  }

  /** One indexed query per side (an `$or` would not use them). */
  private async relationshipsOf(tenantId: string, userId: string): Promise<RelationshipView[]> {
    const relationships = this.readModels.forTenant(tenantId).relationships;
    const [asMentor, asMentee] = await Promise.all([
      relationships.find({ mentorIds: userId }).toArray(),
      relationships.find({ menteeIds: userId }).toArray(),
    ]);
    return [...new Map([...asMentor, ...asMentee].map((r) => [r._id, r])).values()];
  }

  private async eraseFrom(relationship: RelationshipView, userId: string): Promise<void> {
    const set: Record<string, unknown> = {};
    if (relationship.agreements?.[userId]) set[`agreements.${userId}.scope`] = ERASED_TEXT;
    if (relationship.reflectionComments?.[userId] !== undefined)
      set[`reflectionComments.${userId}`] = ERASED_TEXT;
    // The agreement's goals were written by the pair together: they go with either of them.
    if (relationship.agreement?.goals?.length)
      set['agreement.goals'] = relationship.agreement.goals.map(() => ERASED_TEXT);
    if (Object.keys(set).length === 0) return;
    await this.readModels
      .raw<RelationshipView>('relationships')
      .updateOne({ _id: relationship._id }, { $set: set, $inc: { _revision: 1 } });
  }
}

function entryTexts(person: PersonView | null): string[] {
  if (!person) return [];
  const { preferredLanguage: _code, timeZone: _zone, ...words } = person.entry;
  return Object.values(words).filter((value): value is string => typeof value === 'string');
}

function profileTexts(enrolment: ParticipantView): string[] {
  const { department, location } = enrolment.profile;
  return [...(department ? [department] : []), ...(location ? [location] : [])];
}

function relationshipTexts(relationship: RelationshipView, userId: string): string[] {
  const scope = relationship.agreements?.[userId]?.scope;
  const comment = relationship.reflectionComments?.[userId];
  return [...(scope ? [scope] : []), ...(comment ? [comment] : []), ...(relationship.agreement?.goals ?? [])];
}
