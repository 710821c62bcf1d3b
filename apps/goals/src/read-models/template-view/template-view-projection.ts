import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tandem/events';
import { applyOnce, type ProjectedDocument } from '@tandem/messaging';
import { collections, documentId, ReadModels } from '../../infrastructure/read-model-collections';
import type { GoalTemplateView } from '../../infrastructure/views';
import { evolveTemplateView } from './evolve-template-view';

/** Applies a template's event once, from the goals topic and right after the publishing append. */
@Injectable()
export class TemplateViewProjection {
  constructor(private readonly readModels: ReadModels) {}

  async apply(event: EventEnvelope): Promise<void> {
    const { templateId } = event.data as { templateId: string };
    await applyOnce(
      this.readModels.raw<ProjectedDocument<GoalTemplateView>>(collections.templates),
      documentId(event.metadata.tenantId, templateId),
      event,
      evolveTemplateView,
    );
  }
}
