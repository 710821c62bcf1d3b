import { Controller, Get, Param } from '@nestjs/common';
import { CurrentPrincipal, Responds, Roles, ValidatedQuery, type Principal } from '@tandem/auth';
import { DomainError } from '@tandem/kernel';
import { explainPair } from '@tandem/matching-domain';
import { Clock } from '../../infrastructure/clock';
import { ProgramAccess } from '../../programs/program-access';
import { matchingProfileOf, matchingRulesOf, ProgramRosters, scoringContextOf } from '../program-roster';
import {
  explainPairQuery,
  pairExplanationResponse,
  pairExplanationSchema,
  type ExplainPairQuery,
} from './pair-explanation-response';

/**
 * "Why not X with Y?": for any enrolled mentee and mentor of a program, the pair's score breakdown
 * and everything that keeps a match run from proposing it. A read: nothing is created.
 */
@Controller('programs/:programId/pair-explanation')
@Roles('program-admin')
export class ExplainPairController {
  constructor(
    private readonly access: ProgramAccess,
    private readonly rosters: ProgramRosters,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Responds(pairExplanationSchema)
  async explain(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @ValidatedQuery(explainPairQuery) query: ExplainPairQuery,
  ) {
    const program = await this.access.managed(principal, programId);
    const now = this.clock.now();
    const roster = await this.rosters.load(principal.tenantId, program, now);
    const mentee = roster.mentees.find((m) => m.participantId === query.menteeId);
    const mentor = roster.mentors.find((m) => m.participantId === query.mentorId);
    if (!mentee || !mentor)
      throw new DomainError(
        'participant-not-found',
        'Mentee or mentor not enrolled in this program',
        'not-found',
      );
    const mentorRemainingCapacity = roster.remainingCapacity(mentor);
    const explained = explainPair({
      mentee: matchingProfileOf(mentee),
      mentor: matchingProfileOf(mentor),
      rules: matchingRulesOf(program),
      context: scoringContextOf(roster, now),
      mentorRemainingCapacity,
    });
    return pairExplanationResponse(query, mentorRemainingCapacity, explained);
  }
}
