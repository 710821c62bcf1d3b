import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import type { RelationshipView } from '../../infrastructure/views';
import { relationshipResponse } from '../relationship-response';
import { proposeRelationshipBody, type ProposeRelationshipBody } from '../relationship-schemas';
import { ProposeRelationship } from './propose-relationship.handler';

@Controller('relationships')
@Roles('program-admin', 'participant')
export class ProposeRelationshipController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  async propose(
    @CurrentPrincipal() principal: Principal,
    @ValidatedBody(proposeRelationshipBody) body: ProposeRelationshipBody,
  ) {
    return relationshipResponse(
      await this.commands.execute<ProposeRelationship, RelationshipView>(
        new ProposeRelationship(principal, body),
      ),
    );
  }
}
