import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import { expectedVersionOf } from '@tandem/runtime';
import type { z } from 'zod';
import type { RelationshipView } from '../../infrastructure/views';
import { relationshipResponse, relationshipResponseSchema } from '../relationship-response';
import { declineBody } from '../relationship-schemas';
import { DeclineRelationship } from './decline-relationship.handler';

@Controller('relationships/:relationshipId/decline')
@Roles('program-admin', 'participant')
export class DeclineRelationshipController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Responds(relationshipResponseSchema)
  async decline(
    @CurrentPrincipal() principal: Principal,
    @Param('relationshipId') relationshipId: string,
    @ValidatedBody(declineBody) body: z.infer<typeof declineBody>,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    return relationshipResponse(
      await this.commands.execute<DeclineRelationship, RelationshipView>(
        new DeclineRelationship(principal, relationshipId, body.reason, expectedVersionOf(ifMatch)),
      ),
    );
  }
}
