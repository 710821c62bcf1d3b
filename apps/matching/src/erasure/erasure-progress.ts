import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tandem/events';
import { documentId, ReadModels } from '../infrastructure/read-model-collections';

/** The services that each erase their part of a person's data; a request completes when all did. */
export const ERASING_SERVICES = ['matching', 'goals', 'sessions', 'analytics'] as const;
export type ErasingService = (typeof ERASING_SERVICES)[number];

export interface ErasureRequestView {
  _id: string;
  tenantId: string;
  requestId: string;
  userId: string;
  requestedBy?: string;
  requestedAt?: string;
  /** Per service: when it reported its part done. */
  erased?: Partial<Record<ErasingService, string>>;
}

const erasedTypes = new Map<string, ErasingService>(
  ERASING_SERVICES.map((service) => [`${service}.person.erased`, service]),
);

/**
 * Where each erasure request stands, from its events: the request and each service's report. Every
 * write sets fixed values, so any order and any redelivery end in the same document.
 */
@Injectable()
export class ErasureProgress {
  constructor(private readonly readModels: ReadModels) {}

  private get requests() {
    return this.readModels.raw<ErasureRequestView>('erasure_requests');
  }

  find(tenantId: string, requestId: string): Promise<ErasureRequestView | null> {
    return this.requests.findOne({ _id: documentId(tenantId, requestId), tenantId });
  }

  /** Records a `matching.person.erasure-requested` or a `<service>.person.erased`; false for any other event. */
  async record(event: EventEnvelope): Promise<boolean> {
    const { tenantId } = event.metadata;
    if (event.type === 'matching.person.erasure-requested') {
      const { requestId, userId, by, requestedAt } = event.data;
      await this.upsert(tenantId, requestId, userId, { requestedBy: by, requestedAt });
      return true;
    }
    const service = erasedTypes.get(event.type);
    if (!service) return false;
    const { requestId, userId, erasedAt } = event.data as {
      requestId: string;
      userId: string;
      erasedAt: string;
    };
    await this.upsert(tenantId, requestId, userId, { [`erased.${service}`]: erasedAt });
    return true;
  }

  private async upsert(tenantId: string, requestId: string, userId: string, fields: Record<string, string>) {
    const write = () =>
      this.requests.updateOne(
        { _id: documentId(tenantId, requestId) },
        { $set: { tenantId, requestId, userId, ...fields } },
        { upsert: true },
      );
    // Two first writes racing: one inserts, the other's insert is refused and it updates instead.
    await write().catch((error: unknown) => {
      if ((error as { code?: unknown }).code === 11000) return write();
      throw error;
    });
  }
}
