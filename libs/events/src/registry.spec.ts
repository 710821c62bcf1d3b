import {
  deadLetterTopicOf,
  eventCatalogue,
  eventDefinition,
  eventTopics,
  topicOf,
  topicOfType,
} from './registry';

// The core catalogue of ARCHITECTURE.md section 2, per context. Events are public: these names
// may gain siblings but never disappear or change.
const coreCatalogue = {
  matching: [
    'program.created',
    'program.updated',
    'program.enrolment-opened',
    'program.enrolment-closed',
    'program.launched',
    'program.closed',
    'participant.enrolled',
    'participant.profile-updated',
    'participant.withdrew',
    'match-run.completed',
    'match-run.published',
    'relationship.proposed',
    'relationship.accepted',
    'relationship.declined',
    'relationship.expired',
    'relationship.started',
    'relationship.agreement-recorded',
    'relationship.paused',
    'relationship.resumed',
    'relationship.ended',
    'relationship.rematch-requested',
    'relationship.reflection-submitted',
  ],
  goals: [
    'goal.set',
    'goal.revised',
    'goal.milestone-added',
    'goal.milestone-completed',
    'goal.progress-recorded',
    'goal.completed',
    'goal.abandoned',
    'goal-template.published',
  ],
  sessions: [
    'session.scheduled',
    'session.rescheduled',
    'session.cancelled',
    'session.held',
    'session.no-show',
    'session.feedback-submitted',
    'action-item.assigned',
    'action-item.completed',
    'relationship.check-in-overdue',
  ],
};

const types: readonly string[] = eventCatalogue.map((definition) => definition.type);

describe('event catalogue', () => {
  it('has every event of the core catalogue', () => {
    const core = Object.entries(coreCatalogue).flatMap(([context, names]) =>
      names.map((name) => `${context}.${name}`),
    );
    expect(core.filter((type) => !types.includes(type))).toEqual([]);
  });

  it('names every type <context>.<aggregate>.<fact>, once, in the context that publishes it', () => {
    expect(new Set(types).size).toBe(types.length);
    for (const definition of eventCatalogue) {
      expect(definition.type).toMatch(/^(matching|goals|sessions|analytics)\.[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/);
      expect(definition.type.startsWith(`${definition.context}.`)).toBe(true);
    }
  });

  it('finds a definition by type, and nothing for an unknown type', () => {
    expect(eventDefinition('goals.goal.set')?.type).toBe('goals.goal.set');
    expect(eventDefinition('goals.goal.forgotten')).toBeUndefined();
  });
});

describe('topics', () => {
  it('has one topic per producing context, and a dead-letter topic beside each', () => {
    expect(eventTopics).toEqual([
      'tandem.matching.events',
      'tandem.goals.events',
      'tandem.sessions.events',
      'tandem.analytics.events',
    ]);
    expect(topicOf('goals')).toBe('tandem.goals.events');
    expect(topicOfType('sessions.relationship.check-in-overdue')).toBe('tandem.sessions.events');
    expect(deadLetterTopicOf('tandem.goals.events')).toBe('tandem.goals.events.dlq');
  });
});
