import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import { templateResponse, templateResponseSchema } from '../template-response';
import { publishTemplateBody, type PublishTemplateBody } from '../template-schemas';
import { PublishTemplate, type PublishedTemplate } from './publish-template.handler';

@Controller('goal-templates')
export class PublishTemplateController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('program-admin')
  @Responds(templateResponseSchema, { description: 'The template published' })
  async publish(
    @CurrentPrincipal() principal: Principal,
    @ValidatedBody(publishTemplateBody) body: PublishTemplateBody,
  ) {
    const { template, texts } = await this.commands.execute<PublishTemplate, PublishedTemplate>(
      new PublishTemplate(principal, body),
    );
    return templateResponse(template, texts);
  }
}
