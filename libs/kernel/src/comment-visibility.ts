// A free-text comment (session feedback, a closing reflection) is its author's: they choose who else
// reads it. One rule for every context that keeps such comments.

/** Who may read a comment besides its author: nobody, the program's admins too, or every party and admin. */
export type CommentVisibility = 'private' | 'private-with-admins' | 'shared';

export interface CommentReader {
  readonly userId: string;
  /** Manages the program the comment belongs to. */
  readonly asAdmin: boolean;
}

export function canReadComment(
  visibility: CommentVisibility,
  authorId: string,
  reader: CommentReader,
): boolean {
  if (reader.userId === authorId) return true;
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
