import { z } from 'zod';
import { defineEvent } from '../define-event';
import { erasureRef, instant } from './fields';

// Analytics publishes only what other services must hear from it: that it did its part of a request.

/**
 * The analytics service erased its part of a person's data for an erasure request: what is left of
 * them in its facts is pseudonymous (counts, ratings, durations), so every total stays as it was.
 */
export const personErased = defineEvent('analytics.person.erased', {
  version: 1,
  schema: z.strictObject({ ...erasureRef, erasedAt: instant }),
});

export const analyticsEvents = [personErased] as const;
