import type { Context } from '@tandem/events';

/**
 * The contexts whose events make the facts: the live `facts` subscription and a rebuild's replay
 * read exactly these topics. Not `analytics` itself: its topic carries only its own erasure
 * reports, which are no facts and whose streams a replay must not check.
 */
export const factSourceContexts = ['matching', 'goals', 'sessions'] as const satisfies readonly Context[];
