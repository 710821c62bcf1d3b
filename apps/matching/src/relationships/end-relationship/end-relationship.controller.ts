import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import type { z } from 'zod';
import type { RelationshipView } from '../../infrastructure/views';
import { relationshipResponse } from '../relationship-response';
import { endBody, endReasons } from '../relationship-schemas';
import { EndRelationship } from './end-relationship.handler';

@Controller('relationships/:relationshipId/end')
@Roles('program-admin', 'participant')
export class EndRelationshipController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  async end(
    @CurrentPrincipal() principal: Principal,
    @Param('relationshipId') relationshipId: string,
    @ValidatedBody(endBody) body: z.infer<typeof endBody>,
  ) {
    return relationshipResponse(
      await this.commands.execute<EndRelationship, RelationshipView>(
        new EndRelationship(principal, relationshipId, endReasons[body.reason], body.requestRematch),
      ),
    );
  }
}
