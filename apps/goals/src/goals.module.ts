import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { ServiceDefinition } from '@tandem/runtime';
import { PersonErasureSubscriber } from './erasure/person-erasure-subscriber';
import { PersonTextsEraser } from './erasure/person-texts-eraser';
import { ListTemplatesController } from './goal-templates/list-templates/list-templates.controller';
import { PublishTemplateController } from './goal-templates/publish-template/publish-template.controller';
import { PublishTemplateHandler } from './goal-templates/publish-template/publish-template.handler';
import { ActOnGoalController } from './goals/act-on-goal/act-on-goal.controller';
import { ActOnGoalHandler } from './goals/act-on-goal/act-on-goal.handler';
import { RelationshipGoalsCloser } from './goals/close-goals/relationship-goals-closer';
import { GetGoalsController } from './goals/get-goals/get-goals.controller';
import { GoalListing } from './goals/get-goals/goal-listing';
import { GoalAccess } from './goals/goal-access';
import { SetGoalController } from './goals/set-goal/set-goal.controller';
import { SetGoalHandler } from './goals/set-goal/set-goal.handler';
import { Clock } from './infrastructure/clock';
import { GoalsProjector } from './infrastructure/goals-projector';
import { ReadModels } from './infrastructure/read-model-collections';
import { MatchingFactsSubscriber } from './matching-facts/matching-facts-subscriber';
import { PersonalDataExport } from './personal-data/personal-data-export';
import { PersonalDataController } from './personal-data/personal-data.controller';
import { GoalViewProjection } from './read-models/goal-view/goal-view-projection';
import { TemplateViewProjection } from './read-models/template-view/template-view-projection';

/** SMART goals, milestones, progress and templates: one slice per use case. */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [
    SetGoalController,
    GetGoalsController,
    ActOnGoalController,
    PublishTemplateController,
    ListTemplatesController,
    PersonalDataController,
  ],
  providers: [
    Clock,
    ReadModels,
    GoalViewProjection,
    TemplateViewProjection,
    GoalAccess,
    GoalListing,
    RelationshipGoalsCloser,
    GoalsProjector,
    MatchingFactsSubscriber,
    SetGoalHandler,
    ActOnGoalHandler,
    PublishTemplateHandler,
    PersonalDataExport,
    PersonTextsEraser,
    PersonErasureSubscriber,
  ],
})
export class GoalsModule {}

export const goalsService: ServiceDefinition = {
  name: 'goals',
  defaultPort: 3002,
  module: GoalsModule,
  publishes: 'goals',
  subscriptions: [
    // Own events back from Kafka: read models converge even if a write crashed before projecting.
    // A new name when a projection's logic changes: the new group replays the topic from the start.
    { name: 'read-models-v2', contexts: ['goals'], subscriber: GoalsProjector },
    // Relationships and program admins, known only from matching's events.
    { name: 'matching-facts', contexts: ['matching'], subscriber: MatchingFactsSubscriber },
    // A person's erasure (GDPR): their goal texts become "[erased]", then goals.person.erased reports it.
    { name: 'person-erasure', contexts: ['matching'], subscriber: PersonErasureSubscriber },
  ],
};
