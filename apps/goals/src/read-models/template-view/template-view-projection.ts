import { Injectable } from '@nestjs/common';
import { EventStore } from '@tandem/eventstore';
import type { EventEnvelope } from '@tandem/events';
import { applyAppended, applyOnce, type ProjectedDocument } from '@tandem/messaging';
import {
  collections,
  documentId,
  ReadModels,
  type StoredTemplateView,
} from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import type { GoalTemplateView } from '../../infrastructure/views';
import { evolveTemplateView } from './evolve-template-view';

/** Applies a template's event once, from the goals topic and right after the publishing append. */
@Injectable()
export class TemplateViewProjection {
  constructor(
    private readonly readModels: ReadModels,
    private readonly store: EventStore,
  ) {}

  async apply(event: EventEnvelope): Promise<void> {
    const { templateId } = event.data as { templateId: string };
    await applyOnce(
      this.readModels.raw<ProjectedDocument<GoalTemplateView>>(collections.templates),
      documentId(event.metadata.tenantId, templateId),
      event,
      evolveTemplateView,
    );
  }

  /**
   * After the publishing append: the template is new (a random id), so its view is written without
   * being read first. Returns the view as stored (null only if nothing was appended).
   */
  async applyPublished(
    tenantId: string,
    templateId: string,
    appended: readonly EventEnvelope[],
  ): Promise<StoredTemplateView | null> {
    return applyAppended(
      this.readModels.raw<StoredTemplateView>(collections.templates),
      documentId(tenantId, templateId),
      appended,
      evolveTemplateView,
      {
        current: null,
        readStream: async () => (await this.store.readStream(tenantId, streams.template(templateId))).events,
      },
    );
  }
}
