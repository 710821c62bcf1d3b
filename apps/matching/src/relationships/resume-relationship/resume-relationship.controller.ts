import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import type { RelationshipView } from '../../infrastructure/views';
import { relationshipResponse } from '../relationship-response';
import { emptyBody } from '../relationship-schemas';
import { ResumeRelationship } from './resume-relationship.handler';

@Controller('relationships/:relationshipId/resume')
@Roles('program-admin', 'participant')
export class ResumeRelationshipController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  async resume(
    @CurrentPrincipal() principal: Principal,
    @Param('relationshipId') relationshipId: string,
    @ValidatedBody(emptyBody) _body: object,
  ) {
    return relationshipResponse(
      await this.commands.execute<ResumeRelationship, RelationshipView>(
        new ResumeRelationship(principal, relationshipId),
      ),
    );
  }
}
