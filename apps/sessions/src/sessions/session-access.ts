import { Injectable, NotFoundException } from '@nestjs/common';
import type { Principal } from '@tandem/auth';
import { documentId, ReadModels, type StoredSessionView } from '../infrastructure/read-models';

import { RelationshipKnowledge, type VisibleRelationship } from '../relationships/relationship-knowledge';

export interface VisibleSession {
  readonly session: StoredSessionView;
  readonly relationship: VisibleRelationship;
}

/** A session is visible to whoever sees its relationship; to anyone else (other tenants included) it does not exist. */
@Injectable()
export class SessionAccess {
  constructor(
    private readonly readModels: ReadModels,
    private readonly knowledge: RelationshipKnowledge,
  ) {}

  async visible(principal: Principal, sessionId: string): Promise<VisibleSession> {
    const session = await this.readModels
      .forTenant(principal)
      .sessions.findOne({ _id: documentId(principal.tenantId, sessionId) });
    if (!session) throw new NotFoundException('Session not found');
    const relationship = await this.knowledge
      .visible(principal, session.relationshipId)
      .catch(() => undefined);
    if (!relationship) throw new NotFoundException('Session not found');
    return { session, relationship };
  }
}
