import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { CurrentPrincipal, Responds, Roles, ValidatedQuery, type Principal } from '@tandem/auth';
import { suggestMentors } from '@tandem/matching-domain';
import { PeopleNames, peopleNamesSchema } from '../../people/people-names';
import { ProgramAccess } from '../../programs/program-access';
import { suggestionsQuery } from '../match-run-schemas';
import { matchingProfileOf, matchingRulesOf, ProgramRosters, scoringContextOf } from '../program-roster';
import { suggestionsResponse, suggestionsResponseSchema } from './suggestions-response';

/**
 * Self-select: the best eligible mentors for a mentee, with explanations. A participant asks for
 * themselves; a program admin may ask for any mentee (`menteeId` = participant id).
 */
@Controller('programs/:programId/suggestions')
@Roles('program-admin', 'participant')
export class SuggestMentorsController {
  constructor(
    private readonly access: ProgramAccess,
    private readonly rosters: ProgramRosters,
    private readonly names: PeopleNames,
  ) {}

  @Get()
  @Responds(suggestionsResponseSchema.extend({ people: peopleNamesSchema.optional() }))
  async suggest(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @ValidatedQuery(suggestionsQuery) query: { menteeId?: string; limit: number; include?: 'people' },
  ) {
    const program = await this.access.visible(principal, programId);
    const roster = await this.rosters.load(principal.tenantId, program);
    const isAdmin = this.access.canManage(principal, program);
    const mentee = roster.mentees.find((m) =>
      query.menteeId ? m.participantId === query.menteeId : m.userId === principal.userId,
    );
    if (!mentee || (!isAdmin && mentee.userId !== principal.userId))
      throw new NotFoundException('Mentee not found in this program');
    const mentors = roster.mentors.map((m) => ({
      ...matchingProfileOf(m),
      remainingCapacity: roster.remainingCapacity(m),
      pendingSuggestions: roster.pendingProposals(m.userId),
    }));
    const suggestions = suggestMentors(
      matchingProfileOf(mentee),
      mentors,
      matchingRulesOf(program),
      scoringContextOf(roster, new Date()),
      query.limit,
    );
    const response = suggestionsResponse(mentee.participantId, suggestions);
    if (query.include !== 'people') return response;
    const named = [mentee.participantId, ...response.items.map((item) => item.mentorId)];
    return { ...response, people: await this.names.byParticipantId(principal.tenantId, named) };
  }
}
