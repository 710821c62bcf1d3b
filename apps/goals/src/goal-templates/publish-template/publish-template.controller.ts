import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import type { GoalTemplateView } from '../../infrastructure/views';
import { templateResponse } from '../template-response';
import { publishTemplateBody, type PublishTemplateBody } from '../template-schemas';
import { PublishTemplate } from './publish-template.handler';

@Controller('goal-templates')
export class PublishTemplateController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('program-admin')
  async publish(
    @CurrentPrincipal() principal: Principal,
    @ValidatedBody(publishTemplateBody) body: PublishTemplateBody,
  ) {
    return templateResponse(
      await this.commands.execute<PublishTemplate, GoalTemplateView>(new PublishTemplate(principal, body)),
    );
  }
}
