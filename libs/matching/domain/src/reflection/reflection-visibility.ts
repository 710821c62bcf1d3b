// A closing reflection's comment is its author's: private unless they share it, with the program's
// admins only or with every party and admin. Comments kept before this choice existed are private.

export type ReflectionCommentVisibility = 'private' | 'private-with-admins' | 'shared';

export interface ReflectionReader {
  readonly userId: string;
  /** Manages the relationship's program. */
  readonly asAdmin: boolean;
}

/** Per author (user id), the comments `reader` may read of those kept for a relationship. */
export function readableReflectionComments(
  comments: Readonly<Record<string, string>>,
  visibility: Readonly<Record<string, ReflectionCommentVisibility>>,
  reader: ReflectionReader,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(comments).filter(([authorId]) =>
      mayRead(visibility[authorId] ?? 'private', authorId, reader),
    ),
  );
}

function mayRead(
  visibility: ReflectionCommentVisibility,
  authorId: string,
  reader: ReflectionReader,
): boolean {
  if (authorId === reader.userId) return true;
  switch (visibility) {
    case 'private':
      return false;
    case 'private-with-admins':
      return reader.asAdmin;
    case 'shared':
      return true;
    default: {
      const exhaustive: never = visibility;
      return exhaustive;
    }
  }
}
