import { factKeyOf, type FactKey } from './fact-key';
import type { Fact } from './fact-types';
import { foldFact } from './fold-fact';
import { recordEvent, type RecordedEvent } from './recorded-event';

/** What is stored per aggregate: its key, the events it was folded from, and the fold. */
export interface FactRecord {
  readonly key: FactKey;
  readonly history: readonly RecordedEvent[];
  readonly fact: Fact;
}

/**
 * The record after one more event, or 'unchanged' when the event is not for analytics or was
 * recorded before. Order-independent: any arrival order of the same events gives the same record.
 */
export function recordInFact(record: FactRecord | undefined, event: RecordedEvent): FactRecord | 'unchanged' {
  const key = record?.key ?? factKeyOf(event);
  if (!key) return 'unchanged';
  const history = recordEvent(record?.history ?? [], event);
  if (!history) return 'unchanged';
  return { key, history, fact: foldFact(key, history) as Fact };
}
