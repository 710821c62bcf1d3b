import { feedbackAsSeenBy, type FeedbackEntry } from './feedback-visibility';

const heldAt = '2026-03-10T10:00:00.000Z';
const fromMentee: FeedbackEntry = {
  sessionId: 's-1',
  heldAt,
  participantId: 'mentee-1',
  rating: 4,
  helpful: true,
  mentorRating: 2,
  comment: { text: 'Too rushed', visibility: 'private-with-admins' },
};
const fromMentor: FeedbackEntry = {
  sessionId: 's-1',
  heldAt,
  participantId: 'mentor-1',
  rating: 5,
  helpful: true,
  menteeRatings: [{ menteeId: 'mentee-1', rating: 5 }],
  comment: { text: 'Good progress', visibility: 'shared' },
};
const secondFromMentee: FeedbackEntry = {
  sessionId: 's-2',
  heldAt,
  participantId: 'mentee-1',
  rating: 3,
  helpful: false,
  mentorRating: 3,
  comment: { text: 'Note to self', visibility: 'private' },
};
const entries = [fromMentee, fromMentor, secondFromMentee];
const session = ({ sessionId, participantId, rating, helpful }: FeedbackEntry) => ({
  sessionId,
  heldAt,
  participantId,
  rating,
  helpful,
});

describe('feedback as each reader sees it', () => {
  it('given a mentee’s and a mentor’s feedback, the mentor reads every session rating, shared comments and only their own rating of a person', () => {
    expect(feedbackAsSeenBy(entries, { userId: 'mentor-1', asAdmin: false })).toEqual({
      items: [
        session(fromMentee),
        {
          ...session(fromMentor),
          menteeRatings: [{ menteeId: 'mentee-1', rating: 5 }],
          comment: 'Good progress',
          commentVisibility: 'shared',
        },
        session(secondFromMentee),
      ],
      aboutMentor: null,
      aboutMentees: [],
    });
  });

  it('the author reads their own private comments and ratings of the mentor', () => {
    const seen = feedbackAsSeenBy(entries, { userId: 'mentee-1', asAdmin: false });
    expect(seen.items[0]).toMatchObject({ mentorRating: 2, comment: 'Too rushed' });
    expect(seen.items[1]).not.toHaveProperty('menteeRatings');
    expect(seen.items[2]).toMatchObject({ mentorRating: 3, comment: 'Note to self' });
  });

  it('the program admin reads ratings about people only in aggregate, and comments shared with admins', () => {
    const seen = feedbackAsSeenBy(entries, { userId: 'admin-1', asAdmin: true });
    expect(seen.aboutMentor).toEqual({ count: 2, average: 2.5 });
    expect(seen.aboutMentees).toEqual([{ menteeId: 'mentee-1', count: 1, average: 5 }]);
    expect(seen.items.map((i) => i.comment)).toEqual(['Too rushed', 'Good progress', undefined]);
    expect(seen.items.some((i) => i.mentorRating !== undefined || i.menteeRatings !== undefined)).toBe(false);
  });

  it('nobody but the author reads a private comment', () => {
    for (const reader of [
      { userId: 'mentor-1', asAdmin: false },
      { userId: 'admin-1', asAdmin: true },
    ]) {
      expect(feedbackAsSeenBy([secondFromMentee], reader).items[0]).not.toHaveProperty('comment');
    }
  });
});
