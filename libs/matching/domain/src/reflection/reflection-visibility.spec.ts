import { readableReflectionComments } from './reflection-visibility';

const comments = {
  mentee: 'I wanted more structure',
  mentor: 'A good year',
  other: 'Kept before the choice',
};
const visibility = { mentee: 'private', mentor: 'shared' } as const;

describe('who reads closing reflection comments', () => {
  it('given a private, a shared and an older comment, a party reads their own and the shared one', () => {
    expect(readableReflectionComments(comments, visibility, { userId: 'mentee', asAdmin: false })).toEqual({
      mentee: 'I wanted more structure',
      mentor: 'A good year',
    });
  });

  it('an admin reads shared comments and those shared with admins, never private ones', () => {
    const admin = { userId: 'admin', asAdmin: true };
    expect(readableReflectionComments(comments, visibility, admin)).toEqual({ mentor: 'A good year' });
    expect(
      readableReflectionComments(comments, { ...visibility, mentee: 'private-with-admins' }, admin),
    ).toEqual({ mentee: 'I wanted more structure', mentor: 'A good year' });
  });

  it('the other party does not read a comment shared with admins only', () => {
    expect(
      readableReflectionComments(
        comments,
        { mentee: 'private-with-admins' },
        { userId: 'mentor', asAdmin: false },
      ),
    ).toEqual({ mentor: 'A good year' });
  });
});
