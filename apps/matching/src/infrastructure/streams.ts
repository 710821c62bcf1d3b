/** Stream ids per aggregate; the prefix tells which read model (and process manager) an event is for. */
export const streams = {
  program: (programId: string) => `program-${programId}`,
  participant: (participantId: string) => `participant-${participantId}`,
  relationship: (relationshipId: string) => `relationship-${relationshipId}`,
  matchRun: (runId: string) => `match-run-${runId}`,
  /** A person as a mentor across programs (their overall capacity), by user id. */
  mentor: (userId: string) => `mentor-${userId}`,
  /** A person of the tenant's directory, by user id. */
  person: (userId: string) => `person-${userId}`,
} as const;

/** A request to erase a person's data: no read model of its own aggregate kind (see ErasureProgress). */
export const erasureRequestStream = (requestId: string): string => `erasure-request-${requestId}`;

export type AggregateKind = keyof typeof streams;

const prefixes: readonly [string, AggregateKind][] = [
  ['match-run-', 'matchRun'],
  ['program-', 'program'],
  ['participant-', 'participant'],
  ['relationship-', 'relationship'],
  ['mentor-', 'mentor'],
  ['person-', 'person'],
];

/** Which aggregate a stream belongs to, and its id. */
export function parseStreamId(streamId: string): { kind: AggregateKind; id: string } | undefined {
  const match = prefixes.find(([prefix]) => streamId.startsWith(prefix));
  return match && { kind: match[1], id: streamId.slice(match[0].length) };
}
