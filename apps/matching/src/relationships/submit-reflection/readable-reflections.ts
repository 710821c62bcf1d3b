import type { Principal } from '@tandem/auth';
import { readableReflectionComments } from '@tandem/matching-domain';
import type { RelationshipView } from '../../infrastructure/views';
import type { RelationshipResponse } from '../relationship-response';

/** The answer with the reflection comments `principal` may read (none: no `reflectionComments`). */
export function withReadableReflections(
  response: RelationshipResponse,
  view: RelationshipView,
  principal: Principal,
  asAdmin: boolean,
): RelationshipResponse {
  const readable = readableReflectionComments(
    view.reflectionComments ?? {},
    view.reflectionCommentVisibility ?? {},
    { userId: principal.userId, asAdmin },
  );
  return Object.keys(readable).length === 0 ? response : { ...response, reflectionComments: readable };
}
