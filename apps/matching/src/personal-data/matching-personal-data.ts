import { Injectable } from '@nestjs/common';
import { queryOperator } from '@tandem/auth';
import { ParticipantImportJobs } from '../participants/participant-imports/import-jobs';
import { documentId, ReadModels } from '../infrastructure/read-model-collections';
import type { ParticipantView, RelationshipView } from '../infrastructure/views';
import type { z } from 'zod';
import type { matchingPersonalDataSchema } from './personal-data-schemas';

type MatchingPersonalDataAnswer = z.output<typeof matchingPersonalDataSchema>;
/** A stored nested document shown as it is (its own route describes its fields). */
const asStored = (value: object): Record<string, unknown> => ({ ...value });

/**
 * Everything the matching service holds about one person of a tenant: their directory entry,
 * enrolments (profile, answers, facets), relationships (their own agreement terms and reflection
 * comment; the other parties as ids), the match-run pairs they are in, and imported CSV rows that
 * name them. Another person's free text never appears.
 */
@Injectable()
export class MatchingPersonalData {
  constructor(
    private readonly readModels: ReadModels,
    private readonly imports: ParticipantImportJobs,
  ) {}

  async of(tenantId: string, userId: string): Promise<MatchingPersonalDataAnswer> {
    const models = this.readModels.forTenant(tenantId);
    const visible = { version: queryOperator({ $gt: 0 }) };
    const [person, enrolments, asMentor, asMentee, mentor, importedRows] = await Promise.all([
      models.people.findOne({ _id: documentId(tenantId, userId) }),
      models.participants
        .find({ userId, ...visible })
        .sort({ enrolledAt: 1 })
        .toArray(),
      models.relationships.find({ mentorIds: userId, ...visible }).toArray(),
      models.relationships.find({ menteeIds: userId, ...visible }).toArray(),
      models.mentors.findOne({ _id: documentId(tenantId, userId) }),
      this.imports.rowsNaming(tenantId, userId),
    ]);
    const relationships = [...new Map([...asMentor, ...asMentee].map((r) => [r.relationshipId, r])).values()];
    return {
      service: 'matching',
      userId,
      directory:
        person && person.version > 0 && !person.erasedAt
          ? {
              ...person.entry,
              active: person.active,
              createdAt: person.createdAt,
              updatedAt: person.updatedAt,
            }
          : null,
      overallCapacity: mentor?.overallCapacity ?? null,
      enrolments: enrolments.map(enrolmentOf),
      relationships: relationships
        .sort((a, b) => (a.relationshipId < b.relationshipId ? -1 : 1))
        .map((r) => relationshipOf(r, userId)),
      matchRunPairs: await this.pairsOf(tenantId, enrolments),
      importedRows,
    };
  }

  /** The pairs of match runs that name one of the person's enrolments (as mentee or mentor). */
  private async pairsOf(tenantId: string, enrolments: readonly ParticipantView[]) {
    if (enrolments.length === 0) return [];
    const participantIds = new Set(enrolments.map((e) => e.participantId));
    const runs = await this.readModels
      .forTenant(tenantId)
      .matchRuns.find({
        programId: queryOperator({ $in: [...new Set(enrolments.map((e) => e.programId))] }),
        version: queryOperator({ $gt: 0 }),
      })
      .sort({ createdAt: 1 })
      .toArray();
    return runs.flatMap((run) =>
      run.pairs
        .filter((pair) => participantIds.has(pair.menteeId) || participantIds.has(pair.mentorId))
        .map((pair) => ({
          runId: run.runId,
          programId: run.programId,
          status: run.status ?? 'draft',
          createdAt: run.createdAt,
          menteeId: pair.menteeId,
          mentorId: pair.mentorId,
          score: pair.score,
          breakdown: pair.breakdown.map(asStored),
        })),
    );
  }
}

const enrolmentOf = (p: ParticipantView) => ({
  participantId: p.participantId,
  programId: p.programId,
  status: p.status ?? 'enrolled',
  roles: p.roles ?? [],
  enrolledAt: p.enrolledAt,
  ...(p.capacity === undefined ? {} : { capacity: p.capacity }),
  facets: p.facets ?? {},
  profile: asStored(p.profile),
});

/** A relationship as it concerns `userId`: their own texts only, the other parties as ids. */
function relationshipOf(
  r: RelationshipView,
  userId: string,
): MatchingPersonalDataAnswer['relationships'][number] {
  const ownTerms = r.agreements?.[userId];
  const comment = r.reflectionComments?.[userId];
  return {
    relationshipId: r.relationshipId,
    programId: r.programId,
    role: r.mentorIds.includes(userId) ? 'mentor' : 'mentee',
    status: r.status,
    mentorIds: r.mentorIds,
    menteeIds: r.menteeIds,
    score: r.score,
    source: r.source,
    ...(r.startedAt ? { startedAt: r.startedAt } : {}),
    ...(r.endReason ? { endReason: r.endReason } : {}),
    ...(ownTerms ? { agreementTerms: asStored(ownTerms) } : {}),
    ...(r.agreement ? { agreement: asStored(r.agreement) } : {}),
    ...(comment === undefined ? {} : { reflectionComment: comment }),
    ...(r.rematch && r.rematch.requestedBy === userId ? { rematch: asStored(r.rematch) } : {}),
  };
}
