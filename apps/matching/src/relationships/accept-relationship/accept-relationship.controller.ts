import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import { expectedVersionOf } from '@tandem/runtime';
import type { RelationshipView } from '../../infrastructure/views';
import { relationshipResponse, relationshipResponseSchema } from '../relationship-response';
import { emptyBody } from '../relationship-schemas';
import { AcceptRelationship } from './accept-relationship.handler';

@Controller('relationships/:relationshipId/accept')
@Roles('program-admin', 'participant')
export class AcceptRelationshipController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Responds(relationshipResponseSchema)
  async accept(
    @CurrentPrincipal() principal: Principal,
    @Param('relationshipId') relationshipId: string,
    @ValidatedBody(emptyBody) _body: object,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    return relationshipResponse(
      await this.commands.execute<AcceptRelationship, RelationshipView>(
        new AcceptRelationship(principal, relationshipId, expectedVersionOf(ifMatch)),
      ),
    );
  }
}
