import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import { expectedVersionOf } from '@tandem/runtime';
import { relationshipResponse, relationshipResponseSchema } from '../relationship-response';
import { reflectionBody, type ReflectionBody } from '../relationship-schemas';
import { withReadableReflections } from './readable-reflections';
import { SubmitReflection, type ReflectionSubmitted } from './submit-reflection.handler';

@Controller('relationships/:relationshipId/reflection')
@Roles('program-admin', 'participant')
export class SubmitReflectionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Responds(relationshipResponseSchema)
  async reflection(
    @CurrentPrincipal() principal: Principal,
    @Param('relationshipId') relationshipId: string,
    @ValidatedBody(reflectionBody) body: ReflectionBody,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    const { relationship, asAdmin } = await this.commands.execute<SubmitReflection, ReflectionSubmitted>(
      new SubmitReflection(principal, relationshipId, body, expectedVersionOf(ifMatch)),
    );
    return withReadableReflections(relationshipResponse(relationship), relationship, principal, asAdmin);
  }
}
