import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import type { RelationshipView } from '../../infrastructure/views';
import { relationshipResponse } from '../relationship-response';
import { emptyBody } from '../relationship-schemas';
import { AcceptRelationship } from './accept-relationship.handler';

@Controller('relationships/:relationshipId/accept')
@Roles('program-admin', 'participant')
export class AcceptRelationshipController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  async accept(
    @CurrentPrincipal() principal: Principal,
    @Param('relationshipId') relationshipId: string,
    @ValidatedBody(emptyBody) _body: object,
  ) {
    return relationshipResponse(
      await this.commands.execute<AcceptRelationship, RelationshipView>(
        new AcceptRelationship(principal, relationshipId),
      ),
    );
  }
}
