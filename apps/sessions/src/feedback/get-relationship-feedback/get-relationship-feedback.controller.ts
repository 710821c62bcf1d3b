import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedQuery, type Principal } from '@tandem/auth';
import { GetRelationshipFeedback } from './get-relationship-feedback.handler';
import {
  relationshipFeedbackQuery,
  relationshipFeedbackSchema,
  type RelationshipFeedbackQuery,
  type RelationshipFeedbackResponse,
} from './relationship-feedback-response';

@Controller('relationships/:relationshipId/feedback')
@Roles('program-admin', 'participant')
export class GetRelationshipFeedbackController {
  constructor(private readonly queries: QueryBus) {}

  /** The feedback on the relationship's held sessions that the caller may read. */
  @Get()
  @Responds(relationshipFeedbackSchema, {
    description: 'Session ratings for every party; comments and ratings of people as their visibility allows',
  })
  feedback(
    @CurrentPrincipal() principal: Principal,
    @Param('relationshipId') relationshipId: string,
    @ValidatedQuery(relationshipFeedbackQuery) query: RelationshipFeedbackQuery,
  ) {
    return this.queries.execute<GetRelationshipFeedback, RelationshipFeedbackResponse>(
      new GetRelationshipFeedback(principal, relationshipId, query),
    );
  }
}
