import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import { expectedVersionOf } from '@tandem/runtime';
import type { z } from 'zod';
import type { RelationshipView } from '../../infrastructure/views';
import { relationshipResponse, relationshipResponseSchema } from '../relationship-response';
import { pauseBody } from '../relationship-schemas';
import { PauseRelationship } from './pause-relationship.handler';

@Controller('relationships/:relationshipId/pause')
@Roles('program-admin', 'participant')
export class PauseRelationshipController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Responds(relationshipResponseSchema)
  async pause(
    @CurrentPrincipal() principal: Principal,
    @Param('relationshipId') relationshipId: string,
    @ValidatedBody(pauseBody) body: z.infer<typeof pauseBody>,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    return relationshipResponse(
      await this.commands.execute<PauseRelationship, RelationshipView>(
        new PauseRelationship(principal, relationshipId, body.reason, expectedVersionOf(ifMatch)),
      ),
    );
  }
}
