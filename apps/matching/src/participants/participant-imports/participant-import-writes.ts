import type { EventEnvelope } from '@tandem/events';
import { applyOnce, applyOnceMany, type ProjectedDocument } from '@tandem/messaging';
import { MongoBulkWriteError, type Collection, type Document } from 'mongodb';
import { documentId, unprojected } from '../../infrastructure/read-model-collections';
import { parseStreamId } from '../../infrastructure/streams';
import type { ParticipantProfile } from '../../infrastructure/views';
import { evolveParticipantView } from '../../read-models/participant-view';

// The participants read model, written a chunk at a time: the same documents as one-by-one
// enrolment (the profile first, at version 0 = not shown; then the events applied by the read
// model's own evolve under `applyOnce`'s guards), in bulk writes instead of several writes per
// row. The service's projection of its own topic applies the same events to the same documents,
// so whichever comes second changes nothing.

export type ParticipantDocuments = Collection<ProjectedDocument<Document>>;

export interface NewParticipant {
  readonly participantId: string;
  readonly programId: string;
  readonly userId: string;
  readonly profile: ParticipantProfile;
}

const isDuplicateKeyOnly = (error: unknown): error is MongoBulkWriteError =>
  error instanceof MongoBulkWriteError && [error.writeErrors].flat().every((e) => e.code === 11000);

/**
 * Before the append: each participant's document with its profile (personal data, kept out of
 * events), not shown yet. A document left by an enrolment that never got its event takes this
 * profile, as the one-by-one enrolment does; a document with events applied is left alone.
 */
export async function writeProfiles(
  participants: ParticipantDocuments,
  tenantId: string,
  rows: readonly NewParticipant[],
  enrolledAt: string,
): Promise<void> {
  if (rows.length === 0) return;
  const documents = rows.map((row) => ({
    _id: documentId(tenantId, row.participantId),
    tenantId,
    participantId: row.participantId,
    programId: row.programId,
    userId: row.userId,
    ...unprojected,
    profile: row.profile,
    enrolledAt,
  }));
  try {
    await participants.insertMany(documents as never[], { ordered: false });
  } catch (error) {
    if (!isDuplicateKeyOnly(error)) throw error;
    const present = [error.writeErrors].flat().flatMap((e) => documents[e.index] ?? []);
    await participants.bulkWrite(
      present.map((doc) => ({
        updateOne: {
          filter: { _id: doc._id, tenantId, version: 0 } as never,
          update: { $set: { profile: doc.profile }, $inc: { _revision: 1 } } as never,
        },
      })),
      { ordered: false },
    );
  }
}

/** After the append: the enrolment events of new participants (one each), applied in one bulk write. */
export async function applyEnrolments(
  participants: ParticipantDocuments,
  events: readonly EventEnvelope[],
): Promise<void> {
  await applyOnceMany(
    participants,
    events.map((event) => ({ documentId: documentOf(event), event })),
    evolveParticipantView as never,
  );
}

/** A stream's events in order (participants enrolled by an earlier attempt of the job). */
export async function applyStream(
  participants: ParticipantDocuments,
  events: readonly EventEnvelope[],
): Promise<void> {
  for (const event of events)
    await applyOnce(participants, documentOf(event), event, evolveParticipantView as never);
}

/** Takes back profiles written for rows whose append was refused (only documents never shown). */
export async function removeProfiles(
  participants: ParticipantDocuments,
  tenantId: string,
  participantIds: readonly string[],
): Promise<void> {
  if (participantIds.length === 0) return;
  await participants.deleteMany({
    _id: { $in: participantIds.map((id) => documentId(tenantId, id)) },
    tenantId,
    version: 0,
  } as never);
}

function documentOf(event: EventEnvelope): string {
  const aggregate = parseStreamId(event.metadata.streamId);
  if (aggregate?.kind !== 'participant')
    throw new Error(`${event.metadata.streamId} is not a participant stream`);
  return documentId(event.metadata.tenantId, aggregate.id);
}
