import { canReadComment, type CommentReader, type CommentVisibility } from '@tandem/kernel';

// A closing reflection's comment is its author's: private unless they share it, with the program's
// admins only or with every party and admin. Comments kept before this choice existed are private.

export type ReflectionCommentVisibility = CommentVisibility;
export type ReflectionReader = CommentReader;

/** Per author (user id), the comments `reader` may read of those kept for a relationship. */
export function readableReflectionComments(
  comments: Readonly<Record<string, string>>,
  visibility: Readonly<Record<string, ReflectionCommentVisibility>>,
  reader: ReflectionReader,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(comments).filter(([authorId]) =>
      canReadComment(visibility[authorId] ?? 'private', authorId, reader),
    ),
  );
}
