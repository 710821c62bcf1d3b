import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import { expectedVersionOf } from '@tandem/runtime';
import type { z } from 'zod';
import type { RelationshipView } from '../../infrastructure/views';
import { relationshipResponse, relationshipResponseSchema } from '../relationship-response';
import { endBody, endReasons } from '../relationship-schemas';
import { EndRelationship } from './end-relationship.handler';

@Controller('relationships/:relationshipId/end')
@Roles('program-admin', 'participant')
export class EndRelationshipController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Responds(relationshipResponseSchema)
  async end(
    @CurrentPrincipal() principal: Principal,
    @Param('relationshipId') relationshipId: string,
    @ValidatedBody(endBody) body: z.infer<typeof endBody>,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    return relationshipResponse(
      await this.commands.execute<EndRelationship, RelationshipView>(
        new EndRelationship(
          principal,
          relationshipId,
          endReasons[body.reason],
          body.requestRematch,
          expectedVersionOf(ifMatch),
        ),
      ),
    );
  }
}
