import type { EventEnvelope } from '@tandem/events';
import { testEnvelope } from '@tandem/runtime/testing';
import type { Db } from 'mongodb';

/** `matching.person.erasure-requested` as matching's relay publishes it, on the person's stream. */
export function erasureRequested(
  tenantId: string,
  userId: string,
  requestId: string,
  streamVersion: number,
): EventEnvelope {
  return testEnvelope(
    'matching.person.erasure-requested',
    { requestId, userId, by: 'platform-1', requestedAt: new Date().toISOString() },
    { tenantId, streamId: `person-${userId}`, streamVersion },
  );
}

/**
 * Where each text is in the whole database: every document of every collection, as JSON, as
 * `<collection>/<_id>` per text (none found: an empty list).
 */
export async function whereTextsAre(db: Db, texts: readonly string[]): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = Object.fromEntries(texts.map((text) => [text, []]));
  for (const { name } of await db.listCollections().toArray()) {
    for (const document of await db.collection(name).find().toArray()) {
      const json = JSON.stringify(document);
      for (const text of texts)
        if (json.includes(JSON.stringify(text).slice(1, -1)))
          found[text]?.push(`${name}/${String(document._id)}`);
    }
  }
  return found;
}
