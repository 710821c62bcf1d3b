import { Controller, Headers, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import { expectedVersionOf } from '@tandem/runtime';
import type { RelationshipView } from '../../infrastructure/views';
import { relationshipResponse, relationshipResponseSchema } from '../relationship-response';
import { rematchBody, type RematchBody } from '../relationship-schemas';
import { ProposeRematch } from './propose-rematch.handler';

@Controller('relationships/:relationshipId/rematch')
@Roles('program-admin')
export class ProposeRematchController {
  constructor(private readonly commands: CommandBus) {}

  /** Answers 201 with the new proposal; `If-Match` is the ended relationship's version. */
  @Post()
  @Responds(relationshipResponseSchema, { errors: [404] })
  async rematch(
    @CurrentPrincipal() principal: Principal,
    @Param('relationshipId') relationshipId: string,
    @ValidatedBody(rematchBody) body: RematchBody,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    return relationshipResponse(
      await this.commands.execute<ProposeRematch, RelationshipView>(
        new ProposeRematch(principal, relationshipId, body.mentorId, expectedVersionOf(ifMatch)),
      ),
    );
  }
}
