import { createHash } from 'node:crypto';

/** One enrolment per person and program: the id is derived, so a second enrolment meets the first. */
export function participantIdOf(programId: string, userId: string): string {
  return `pt-${createHash('sha256').update(`${programId}\u0000${userId}`).digest('hex').slice(0, 32)}`;
}

/** A directory value as an event facet code: "Customer Success" → "customer-success". */
export function facetCode(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const code = value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return code.length > 0 ? code : undefined;
}
