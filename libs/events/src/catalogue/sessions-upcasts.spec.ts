import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sessionFeedbackSubmitted, sessionScheduled } from './sessions';

const fixture = (type: string, version: number): unknown =>
  JSON.parse(readFileSync(path.join(__dirname, '../../fixtures', type, `v${version}.json`), 'utf8'));

describe('sessions events published as version 1 read as version 2', () => {
  it('reads a v1 scheduled session without a format rather than inventing one', () => {
    const v1 = fixture('sessions.session.scheduled', 1);
    const upcast = sessionScheduled.upcast(1, v1);
    expect(upcast).toEqual(v1);
    expect(upcast.format).toBeUndefined();
  });

  it('reads v1 feedback without a mentor rating', () => {
    const v1 = fixture('sessions.session.feedback-submitted', 1);
    const upcast = sessionFeedbackSubmitted.upcast(1, v1);
    expect(upcast).toMatchObject({ rating: 5, helpful: true });
    expect(upcast.mentorRating).toBeUndefined();
  });
});

describe('sessions feedback published as version 2 reads as version 3', () => {
  it('reads v2 feedback (a mentee rating their mentor) without mentee ratings', () => {
    const v2 = fixture('sessions.session.feedback-submitted', 2);
    const upcast = sessionFeedbackSubmitted.upcast(2, v2);
    expect(upcast).toEqual(v2);
    expect(upcast.menteeRatings).toBeUndefined();
  });
});
