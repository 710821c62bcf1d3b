import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { canManageProgram, type Principal } from '@tandem/auth';
import { EventStore, handleCommand, withTextFirst } from '@tandem/eventstore';
import { goalTemplateDecider, requireMeasurable } from '@tandem/goals-domain';
import { DomainError } from '@tandem/kernel';
import { documentId, ReadModels, written } from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import type { GoalTemplateTextsView, GoalTemplateView } from '../../infrastructure/views';
import { TemplateViewProjection } from '../../read-models/template-view/template-view-projection';
import type { PublishTemplateBody } from '../template-schemas';

export class PublishTemplate {
  constructor(
    readonly principal: Principal,
    readonly body: PublishTemplateBody,
  ) {}
}

export interface PublishedTemplate {
  readonly template: GoalTemplateView;
  readonly texts: Omit<GoalTemplateTextsView, '_id' | 'tenantId'>;
}

/**
 * A program admin publishes a goal template for their program (known from matching's events). Its
 * texts are saved under the new template's id before the event: a crash leaves only unseen texts.
 * Its stream and view are new (a random id), so neither is read before it is written.
 */
@CommandHandler(PublishTemplate)
export class PublishTemplateHandler implements ICommandHandler<PublishTemplate, PublishedTemplate> {
  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModels,
    private readonly templates: TemplateViewProjection,
  ) {}

  async execute({ principal, body }: PublishTemplate): Promise<PublishedTemplate> {
    const { tenantId } = principal;
    const models = this.readModels.forTenant(principal);
    const program = await models.programs.findOne({ _id: documentId(tenantId, body.programId) });
    if (!program) throw new DomainError('program-not-found', 'Program not found', 'not-found');
    if (!canManageProgram(principal, { adminIds: program.adminIds }))
      throw new DomainError(
        'not-a-program-admin',
        'Only an admin of this program can publish its goal templates',
        'forbidden',
      );
    requireMeasurable(body.suggestedMeasure);
    const templateId = randomUUID();
    const _id = documentId(tenantId, templateId);
    const { title, description, suggestedMeasure, horizon, milestones } = body;
    const texts = {
      templateId,
      title,
      suggestedMeasure,
      milestones,
      ...(description ? { description } : {}),
      ...(horizon ? { horizon } : {}),
    };
    const handled = await withTextFirst(
      {
        save: () => models.templateTexts.insertOne({ _id, ...texts }),
        discard: () => models.templateTexts.deleteOne({ _id }),
      },
      () =>
        handleCommand(this.store, goalTemplateDecider, {
          tenantId,
          streamId: streams.template(templateId),
          newStream: true,
          command: {
            type: 'publish',
            templateId,
            programId: body.programId,
            category: body.competency,
            by: principal.userId,
          },
        }),
    );
    const template = await written(this.templates.applyPublished(tenantId, templateId, handled.events));
    return { template, texts };
  }
}
