import { Injectable } from '@nestjs/common';
import { queryOperator } from '@tandem/auth';
import { ReadModels } from '../infrastructure/read-model-collections';
import type { CapacityLimit } from '../infrastructure/mentor-capacity';
import type { RelationshipView } from '../infrastructure/views';
import type { VisibleProgram } from '../programs/program-access';

/**
 * What starting a relationship takes from its mentors: per mentor, a unit per mentee of a group
 * in the program (one for a pair), and one of their own `overallCapacity` across programs if set
 * (one value per person, in the mentors read model, whichever program asks).
 */
@Injectable()
export class CapacityLimits {
  constructor(private readonly readModels: ReadModels) {}

  async of(
    tenantId: string,
    relationship: Pick<RelationshipView, 'mentorIds' | 'menteeIds'>,
    program: Pick<VisibleProgram, 'programId' | 'programType'>,
  ): Promise<CapacityLimit[]> {
    const models = this.readModels.forTenant(tenantId);
    const mentorIds = queryOperator({ $in: [...relationship.mentorIds] });
    const [participants, mentors] = await Promise.all([
      models.participants.find({ programId: program.programId, userId: mentorIds }).toArray(),
      models.mentors.find({ userId: mentorIds }).toArray(),
    ]);
    const units = program.programType === 'group' ? relationship.menteeIds.length : 1;
    return relationship.mentorIds.flatMap((mentorUserId) => {
      const mentor = participants.find((p) => p.userId === mentorUserId && p.roles?.includes('mentor'));
      const overall = mentors.find((m) => m.userId === mentorUserId)?.overallCapacity;
      return [
        { scope: `program/${program.programId}/${mentorUserId}`, capacity: mentor?.capacity ?? 0, units },
        ...(overall === undefined ? [] : [{ scope: `user/${mentorUserId}`, capacity: overall, units: 1 }]),
      ];
    });
  }
}
