import type { GoalTextsView } from '../infrastructure/views';
import { ERASED, erasableTexts, textErasureOf } from './goal-text-erasure';

const texts = (overrides: Partial<GoalTextsView> = {}): GoalTextsView => ({
  _id: 't/g-1',
  tenantId: 't',
  goalId: 'g-1',
  title: 'Run a 10k',
  description: 'Because I can',
  milestoneTitles: { 'm-1': 'First 5k' },
  progressNotes: [
    { at: '2026-01-01T00:00:00.000Z', by: 'person', note: 'Felt good' },
    { at: '2026-01-02T00:00:00.000Z', by: 'mentor', note: 'Well done' },
  ],
  revisionTexts: [
    { at: '2026-01-03T00:00:00.000Z', by: 'mentor', title: 'Run a half marathon', comment: 'Aim higher' },
    { at: '2026-01-04T00:00:00.000Z', by: 'person', description: 'For my health' },
    { at: '2026-01-05T00:00:00.000Z', by: 'person', comment: 'Agreed' },
  ],
  ...overrides,
});

describe('erasing a person’s part of a goal’s texts', () => {
  it('takes all the wording of a goal they own, but only their own notes and comments', () => {
    expect(erasableTexts('person', true, texts()).sort()).toEqual(
      [
        'Run a 10k',
        'Because I can',
        'First 5k',
        'Run a half marathon',
        'For my health',
        'Felt good',
        'Agreed',
      ].sort(),
    );
  });

  it('takes only their notes and comments on a goal they do not own, not the wording they gave it', () => {
    expect(erasableTexts('mentor', false, texts()).sort()).toEqual(['Aim higher', 'Well done']);
  });

  it('sets each of those fields to the marker, matching array entries by author or field', () => {
    expect(textErasureOf('person', true, texts())).toEqual({
      update: {
        $set: {
          title: ERASED,
          description: ERASED,
          'milestoneTitles.m-1': ERASED,
          'progressNotes.$[note].note': ERASED,
          'revisionTexts.$[comment].comment': ERASED,
          'revisionTexts.$[titled].title': ERASED,
          'revisionTexts.$[described].description': ERASED,
        },
      },
      arrayFilters: [
        { 'note.by': 'person' },
        { 'comment.by': 'person', 'comment.comment': { $exists: true } },
        { 'titled.title': { $exists: true } },
        { 'described.description': { $exists: true } },
      ],
    });
  });

  it('adds no field that held no text: no description, no path into entries the person has none of', () => {
    const withoutDescription = texts({ description: undefined, revisionTexts: [] });
    expect(textErasureOf('person', true, withoutDescription)?.update.$set).toEqual({
      title: ERASED,
      'milestoneTitles.m-1': ERASED,
      'progressNotes.$[note].note': ERASED,
    });
    expect(textErasureOf('mentor', false, texts({ progressNotes: [] }))).toEqual({
      update: { $set: { 'revisionTexts.$[comment].comment': ERASED } },
      arrayFilters: [{ 'comment.by': 'mentor', 'comment.comment': { $exists: true } }],
    });
  });

  it('finds nothing left once erased, so a redelivery writes nothing and shreds nothing', () => {
    const erased = texts({
      title: ERASED,
      description: ERASED,
      milestoneTitles: { 'm-1': ERASED },
      progressNotes: [{ at: '2026-01-01T00:00:00.000Z', by: 'person', note: ERASED }],
      revisionTexts: [{ at: '2026-01-04T00:00:00.000Z', by: 'person', description: ERASED, comment: ERASED }],
    });
    expect(erasableTexts('person', true, erased)).toEqual([]);
    expect(textErasureOf('person', true, erased)).toBeUndefined();
  });

  it('leaves a goal alone that the person neither owns nor wrote on', () => {
    expect(textErasureOf('someone-else', false, texts())).toBeUndefined();
  });
});
