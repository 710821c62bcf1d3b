import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { ServiceDefinition } from '@tandem/runtime';
import { OpenActionItemsController } from './action-items/open-action-items.controller';
import { SessionAgendaController } from './agenda/session-agenda.controller';
import { CalendarFeedController } from './calendar/calendar-feed.controller';
import { CalendarFeeds } from './calendar/calendar-feeds';
import { CadenceMonitor } from './cadence/cadence-monitor';
import { PersonErasure } from './erasure/person-erasure';
import { PersonErasureSubscriber } from './erasure/person-erasure.subscriber';
import { GetRelationshipFeedbackController } from './feedback/get-relationship-feedback/get-relationship-feedback.controller';
import { GetRelationshipFeedbackHandler } from './feedback/get-relationship-feedback/get-relationship-feedback.handler';
import { Clock } from './infrastructure/clock';
import { ReadModels } from './infrastructure/read-models';
import { ReadModelIndexes } from './infrastructure/read-model-indexes';
import { SessionsProjector } from './infrastructure/sessions-projector';
import { SessionViewProjection } from './read-models/session-view/session-view-projection';
import { GoalsEventsSubscriber } from './relationships/goals-events.subscriber';
import { MeetingHistoryController } from './relationships/history/meeting-history.controller';
import { MatchingEventsSubscriber } from './relationships/matching-events.subscriber';
import { SessionNotesController } from './notes/session-notes.controller';
import { PersonalDataCollector } from './personal-data/personal-data-collector';
import { PersonalDataController } from './personal-data/personal-data.controller';
import { RelationshipKnowledge } from './relationships/relationship-knowledge';
import { ActOnSessionController } from './sessions/act-on-session/act-on-session.controller';
import { ActOnSessionHandler } from './sessions/act-on-session/act-on-session.handler';
import { GetSessionsController } from './sessions/get-sessions/get-sessions.controller';
import { SessionQueries } from './sessions/get-sessions/session-queries';
import { ScheduleSessionController } from './sessions/schedule-session/schedule-session.controller';
import { ScheduleSessionHandler } from './sessions/schedule-session/schedule-session.handler';
import { SessionAccess } from './sessions/session-access';

/** Mentoring sessions, agendas, notes, action items, feedback, cadence and calendar feeds: one slice per use case. */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [
    ScheduleSessionController,
    GetSessionsController,
    ActOnSessionController,
    OpenActionItemsController,
    MeetingHistoryController,
    CalendarFeedController,
    SessionNotesController,
    SessionAgendaController,
    GetRelationshipFeedbackController,
    PersonalDataController,
  ],
  providers: [
    Clock,
    ReadModels,
    ReadModelIndexes,
    RelationshipKnowledge,
    SessionViewProjection,
    SessionsProjector,
    MatchingEventsSubscriber,
    GoalsEventsSubscriber,
    SessionAccess,
    SessionQueries,
    CalendarFeeds,
    CadenceMonitor,
    ScheduleSessionHandler,
    ActOnSessionHandler,
    GetRelationshipFeedbackHandler,
    PersonalDataCollector,
    PersonErasure,
    PersonErasureSubscriber,
  ],
})
export class SessionsModule {}

export const sessionsService: ServiceDefinition = {
  name: 'sessions',
  defaultPort: 3003,
  module: SessionsModule,
  publishes: 'sessions',
  subscriptions: [
    // Own events back from Kafka: read models converge even if a write crashed before projecting.
    // A new name when a projection's logic changes: the new group replays the topic from the start.
    { name: 'read-models-v2', contexts: ['sessions'], subscriber: SessionsProjector },
    // What sessions needs to know of other contexts, kept in its own collections.
    { name: 'relationships', contexts: ['matching'], subscriber: MatchingEventsSubscriber },
    { name: 'goals', contexts: ['goals'], subscriber: GoalsEventsSubscriber },
    // Erasure requests: its own group, so a slow erasure never holds up what sessions learns of relationships.
    { name: 'person-erasure', contexts: ['matching'], subscriber: PersonErasureSubscriber },
  ],
};
