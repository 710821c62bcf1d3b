import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { queryOperator, type Principal } from '@tandem/auth';
import { documentId, ReadModels } from '../../infrastructure/read-model-collections';
import type { RelationshipView } from '../../infrastructure/views';
import { requireSelfOrAdmin } from './mentor-load-access';
import type { MentorLoadResponse } from './mentor-load-schemas';

export class GetMentorLoad {
  constructor(
    readonly principal: Principal,
    readonly userId: string,
  ) {}
}

const OPEN: RelationshipView['status'][] = ['proposed', 'active', 'paused'];

/** A mentor's overall capacity and their open relationships, per program they mentor in and in total. */
@QueryHandler(GetMentorLoad)
export class GetMentorLoadHandler implements IQueryHandler<GetMentorLoad, MentorLoadResponse> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ principal, userId }: GetMentorLoad): Promise<MentorLoadResponse> {
    requireSelfOrAdmin(principal, userId);
    const models = this.readModels.forTenant(principal);
    const [mentor, enrolments, open] = await Promise.all([
      models.mentors.findOne({ _id: documentId(principal.tenantId, userId) }),
      models.participants.find({ userId, status: 'enrolled', roles: 'mentor' }).toArray(),
      models.relationships.find({ mentorIds: userId, status: queryOperator({ $in: OPEN }) }).toArray(),
    ]);
    const tally = (list: RelationshipView[]) => ({
      active: list.filter((r) => r.status !== 'proposed').length,
      proposed: list.filter((r) => r.status === 'proposed').length,
    });
    const programIds = [
      ...new Set([...enrolments.map((e) => e.programId), ...open.map((r) => r.programId)]),
    ].sort();
    return {
      userId,
      version: mentor?.version ?? 0,
      ...(mentor?.overallCapacity === undefined ? {} : { overallCapacity: mentor.overallCapacity }),
      ...tally(open),
      programs: programIds.map((programId) => ({
        programId,
        capacity: enrolments.find((e) => e.programId === programId)?.capacity ?? 0,
        ...tally(open.filter((r) => r.programId === programId)),
      })),
    };
  }
}
