import { Controller, Get, Param } from '@nestjs/common';
import { CurrentPrincipal, Responds, Roles, type Principal } from '@tandem/auth';
import { ReadModels } from '../../infrastructure/read-models';
import { sessionResponses } from '../../sessions/session-response';
import { RelationshipKnowledge } from '../relationship-knowledge';
import { meetingHistoryResponse, meetingHistoryResponseSchema } from './meeting-history-response';

@Controller('relationships/:relationshipId/history')
@Roles('program-admin', 'participant')
export class MeetingHistoryController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly knowledge: RelationshipKnowledge,
  ) {}

  /** Every session of the relationship, newest first, with totals by outcome. */
  @Get()
  @Responds(meetingHistoryResponseSchema)
  async history(@CurrentPrincipal() principal: Principal, @Param('relationshipId') relationshipId: string) {
    const { relationship } = await this.knowledge.visible(principal, relationshipId);
    const models = this.readModels.forTenant(principal);
    const sessions = await models.sessions.find({ relationshipId }).toArray();
    sessions.sort((a, b) => b.startsAt.localeCompare(a.startsAt));
    return meetingHistoryResponse(
      relationshipId,
      relationship.status,
      sessions,
      await sessionResponses(models, sessions),
    );
  }
}
