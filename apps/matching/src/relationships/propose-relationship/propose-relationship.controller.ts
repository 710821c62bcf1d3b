import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import type { RelationshipView } from '../../infrastructure/views';
import { relationshipResponse, relationshipResponseSchema } from '../relationship-response';
import { proposeRelationshipBody, type ProposeRelationshipBody } from '../relationship-schemas';
import { ProposeRelationship } from './propose-relationship.handler';

@Controller('relationships')
@Roles('program-admin', 'participant')
export class ProposeRelationshipController {
  constructor(private readonly commands: CommandBus) {}

  /** 404 also when the program, the mentor or a mentee is not found in it. */
  @Post()
  @Responds(relationshipResponseSchema, { errors: [404] })
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
