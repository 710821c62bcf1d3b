import type { Fact, FactKind, RecordedEvent } from '@tandem/analytics-domain';

/** One aggregate's fact as stored: `_id` = `<tenant>/<kind>/<id>`, its history and its current fold. */
export interface FactDocument {
  _id: string;
  tenantId: string;
  kind: FactKind;
  factId: string;
  programId: string;
  history: RecordedEvent[];
  fact: Fact;
  /** Bumped on every write: the compare-and-set guard between concurrent writers of one fact. */
  revision: number;
}

export const factDocumentId = (tenantId: string, kind: FactKind, id: string): string =>
  `${tenantId}/${kind}/${id}`;
