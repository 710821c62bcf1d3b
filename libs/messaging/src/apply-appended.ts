import type { EventEnvelope } from '@tandem/events';
import type { Collection, Document } from 'mongodb';
import { appliedKey, writeGuarded, type Evolve, type ProjectedDocument } from './projection';

export interface ApplyAppendedOptions<State extends Document> {
  /**
   * The document as the caller already read it in this request (null: known not to exist yet, e.g.
   * a stream just created), so the usual read is saved. A stale one only costs a retry.
   */
  readonly current?: ProjectedDocument<State> | null;
  /** The stream's events, for the rare case the document missed earlier versions (a crashed command). */
  readonly readStream: () => Promise<readonly EventEnvelope[]>;
  readonly maxAttempts?: number;
}

/**
 * Projects the events a command just appended to one stream onto one read-model document, so the
 * caller reads its own write: one guarded write (plus one read unless `current` is given), with
 * the same guards as `applyOnce` (applied version per stream, revision compare-and-set). Versions
 * the document has not applied yet before them are read from the stream first, so none is
 * skipped; whatever the topic's delivery applied already is skipped. Returns the document as
 * stored afterwards.
 */
export async function applyAppended<State extends Document>(
  collection: Collection<ProjectedDocument<State>>,
  documentId: string,
  appended: readonly EventEnvelope[],
  evolve: Evolve<State>,
  options: ApplyAppendedOptions<State>,
): Promise<ProjectedDocument<State> | null> {
  const first = appended[0];
  const last = appended.at(-1);
  if (!first || !last) return options.current ?? (await read(collection, documentId));
  const key = appliedKey(first);
  let current = options.current;
  let fresh = current === undefined;
  for (let attempt = 1; attempt <= (options.maxAttempts ?? 20); attempt += 1) {
    if (current === undefined) current = await read(collection, documentId);
    const applied = current?._applied[key] ?? 0;
    if (applied >= last.metadata.streamVersion) return current;
    const gap = first.metadata.streamVersion - 1 > applied;
    if (gap && !fresh) {
      // The caller's copy may just be older than the consumer's latest write: look again first.
      [current, fresh] = [undefined, true];
      continue;
    }
    const earlier = gap
      ? (await options.readStream()).filter(
          (event) =>
            event.metadata.streamVersion > applied &&
            event.metadata.streamVersion < first.metadata.streamVersion,
        )
      : [];
    const toApply = [...earlier, ...appended].filter((event) => event.metadata.streamVersion > applied);
    const { _id, _applied, _revision, ...state } = current ?? { _id: documentId, _applied: {}, _revision: 0 };
    let next: State | undefined = current ? (state as unknown as State) : undefined;
    for (const event of toApply) next = evolve(next, event);
    const document = {
      ...next,
      _id: documentId,
      _applied: { ..._applied, [key]: last.metadata.streamVersion },
      _revision: _revision + 1,
    } as ProjectedDocument<State>;
    if (await writeGuarded(collection, document, current ? _revision : undefined)) return document;
    [current, fresh] = [undefined, true]; // lost a race: read the document as it is now
  }
  throw new Error(`applyAppended: document ${documentId} kept changing`);
}

const read = <State extends Document>(collection: Collection<ProjectedDocument<State>>, documentId: string) =>
  collection.findOne({ _id: documentId } as never) as Promise<ProjectedDocument<State> | null>;
