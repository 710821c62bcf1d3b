import { randomUUID } from 'node:crypto';
import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { AggregateStore } from '../../infrastructure/aggregate-store';
import { Clock } from '../../infrastructure/clock';
import { documentId, ReadModels, written } from '../../infrastructure/read-model-collections';
import type { GoalTemplateView } from '../../infrastructure/views';
import { GoalAccess } from '../../goals/goal-access';
import type { PublishTemplateBody } from '../template-schemas';
import { requireMeasurable } from '@tandem/goals-domain';

export class PublishTemplate {
  constructor(
    readonly principal: Principal,
    readonly body: PublishTemplateBody,
  ) {}
}

/** A program admin publishes a goal template for their program (known from matching's events). */
@CommandHandler(PublishTemplate)
export class PublishTemplateHandler implements ICommandHandler<PublishTemplate, GoalTemplateView> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly readModels: ReadModels,
    private readonly access: GoalAccess,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, body }: PublishTemplate): Promise<GoalTemplateView> {
    const models = this.readModels.forTenant(principal);
    const program = await models.programs.findOne({ _id: documentId(principal.tenantId, body.programId) });
    if (!program) throw new NotFoundException('Program not found');
    if (!(await this.access.manages(principal, body.programId)))
      throw new ForbiddenException('Only an admin of this program can publish its goal templates');
    requireMeasurable(body.suggestedMeasure);
    const templateId = randomUUID();
    await this.aggregates.execute('template', {
      tenantId: principal.tenantId,
      id: templateId,
      command: {
        type: 'publish',
        templateId,
        programId: body.programId,
        category: body.competency,
        by: principal.userId,
      },
    });
    const _id = documentId(principal.tenantId, templateId);
    const { title, description, suggestedMeasure, horizon, milestones } = body;
    await models.templates.updateOne(
      { _id },
      {
        $set: {
          title,
          suggestedMeasure,
          milestones,
          publishedBy: principal.userId,
          publishedAt: this.clock.now(),
          ...(description ? { description } : {}),
          ...(horizon ? { horizon } : {}),
        },
      },
    );
    return written(models.templates.findOne({ _id }));
  }
}
