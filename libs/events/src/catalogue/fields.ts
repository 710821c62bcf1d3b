import { z } from 'zod';

// Building blocks of event data. Events carry ids and codes, never names, e-mail addresses or
// free text: those live in the owning service's collections, where erasure can reach them.

/** An opaque identifier: a UUID or a prefixed id. */
export const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_:-]{0,99}$/, 'must be an id (letters, digits, _ : -)');
/** A short machine-readable code (a reason, a category): not free text. */
export const code = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case code like "schedule-conflict"');
export const instant = z.iso.datetime({ offset: true });
export const day = z.iso.date();
export const rating = z.number().int().min(1).max(5);
export const percent = z.number().min(0).max(100);

export const programRef = { programId: id };
export const relationshipRef = { relationshipId: id, programId: id };

/**
 * An erasure request (right to be forgotten) and whose: every service's "erased" report names it,
 * on the stream `erasure-<requestId>` of its own store.
 */
export const erasureRef = { requestId: id, userId: id };
