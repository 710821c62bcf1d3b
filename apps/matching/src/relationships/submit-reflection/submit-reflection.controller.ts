import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import type { RelationshipView } from '../../infrastructure/views';
import { relationshipResponse } from '../relationship-response';
import { reflectionBody, type ReflectionBody } from '../relationship-schemas';
import { SubmitReflection } from './submit-reflection.handler';

@Controller('relationships/:relationshipId/reflection')
@Roles('program-admin', 'participant')
export class SubmitReflectionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  async reflection(
    @CurrentPrincipal() principal: Principal,
    @Param('relationshipId') relationshipId: string,
    @ValidatedBody(reflectionBody) body: ReflectionBody,
  ) {
    return relationshipResponse(
      await this.commands.execute<SubmitReflection, RelationshipView>(
        new SubmitReflection(principal, relationshipId, body),
      ),
    );
  }
}
