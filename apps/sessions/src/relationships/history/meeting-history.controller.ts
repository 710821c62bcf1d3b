import { Controller, Get, Param } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@tandem/auth';
import { ReadModels } from '../../infrastructure/read-models';
import { sessionResponses } from '../../sessions/session-response';
import { RelationshipKnowledge } from '../relationship-knowledge';

@Controller('relationships/:relationshipId/history')
@Roles('program-admin', 'participant')
export class MeetingHistoryController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly knowledge: RelationshipKnowledge,
  ) {}

  /** Every session of the relationship, newest first, with totals by outcome. */
  @Get()
  async history(@CurrentPrincipal() principal: Principal, @Param('relationshipId') relationshipId: string) {
    const relationship = await this.knowledge.visible(principal, relationshipId);
    const models = this.readModels.forTenant(principal);
    const sessions = await models.sessions.find({ relationshipId }).toArray();
    sessions.sort((a, b) => b.startsAt.localeCompare(a.startsAt));
    const count = (status: string) => sessions.filter((s) => s.status === status).length;
    const held = sessions.filter((s) => s.status === 'held');
    return {
      relationshipId,
      relationshipStatus: relationship.relationship.status,
      totals: {
        sessions: sessions.length,
        scheduled: count('scheduled'),
        held: held.length,
        cancelled: count('cancelled'),
        noShows: count('no-show'),
        heldMinutes: held.reduce((sum, s) => sum + (s.actualDurationMinutes ?? 0), 0),
        lastHeldAt:
          held
            .map((s) => s.heldAt ?? '')
            .sort()
            .at(-1) ?? null,
      },
      sessions: await sessionResponses(models, sessions),
    };
  }
}
