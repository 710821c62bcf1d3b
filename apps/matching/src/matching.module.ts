import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { ServiceDefinition } from '@tandem/runtime';
import { AggregateStore } from './infrastructure/aggregate-store';
import { MatchingProjector } from './infrastructure/matching-projector';
import { MentorCapacity } from './infrastructure/mentor-capacity';
import { ReadModels } from './infrastructure/read-model-collections';
import { GetMatchRunController } from './match-runs/get-match-run/get-match-run.controller';
import { ProgramRosters } from './match-runs/program-roster';
import { PublishMatchRunController } from './match-runs/publish-match-run/publish-match-run.controller';
import { PublishMatchRunHandler } from './match-runs/publish-match-run/publish-match-run.handler';
import { RunMatchingController } from './match-runs/run-matching/run-matching.controller';
import { RunMatchingHandler } from './match-runs/run-matching/run-matching.handler';
import { SuggestMentorsController } from './match-runs/suggest-mentors/suggest-mentors.controller';
import { EnrolParticipantController } from './participants/enrol-participant/enrol-participant.controller';
import { EnrolParticipantHandler } from './participants/enrol-participant/enrol-participant.handler';
import { ImportParticipantsController } from './participants/import-participants/import-participants.controller';
import { ImportParticipantsHandler } from './participants/import-participants/import-participants.handler';
import { ListParticipantsController } from './participants/list-participants/list-participants.controller';
import { UpdateProfileController } from './participants/update-profile/update-profile.controller';
import { WithdrawParticipantController } from './participants/withdraw-participant/withdraw-participant.controller';
import { ChangeProgramStatusController } from './programs/change-program-status/change-program-status.controller';
import { ChangeProgramStatusHandler } from './programs/change-program-status/change-program-status.handler';
import { CreateProgramController } from './programs/create-program/create-program.controller';
import { CreateProgramHandler } from './programs/create-program/create-program.handler';
import { GetProgramsController } from './programs/get-programs/get-programs.controller';
import { ProgramAccess } from './programs/program-access';
import { UpdateProgramController } from './programs/update-program/update-program.controller';
import { UpdateProgramHandler } from './programs/update-program/update-program.handler';
import { ActOnRelationshipController } from './relationships/act-on-relationship/act-on-relationship.controller';
import { ActOnRelationshipHandler } from './relationships/act-on-relationship/act-on-relationship.handler';
import { ProposalExpiry } from './relationships/expire-proposals/proposal-expiry';
import { GetRelationshipsController } from './relationships/get-relationships/get-relationships.controller';
import { ProposeRelationshipController } from './relationships/propose-relationship/propose-relationship.controller';
import { ProposeRelationshipHandler } from './relationships/propose-relationship/propose-relationship.handler';
import { RelationshipAccess } from './relationships/relationship-access';
import { RelationshipProposals } from './relationships/relationship-proposals';

/** Programs, enrolment, matching and relationships: one slice per use case. */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [
    // Routes with a fixed segment before ones with a parameter at the same place.
    ImportParticipantsController,
    CreateProgramController,
    GetProgramsController,
    UpdateProgramController,
    ChangeProgramStatusController,
    EnrolParticipantController,
    ListParticipantsController,
    WithdrawParticipantController,
    UpdateProfileController,
    RunMatchingController,
    GetMatchRunController,
    PublishMatchRunController,
    SuggestMentorsController,
    ProposeRelationshipController,
    GetRelationshipsController,
    ActOnRelationshipController,
  ],
  providers: [
    ReadModels,
    AggregateStore,
    MentorCapacity,
    MatchingProjector,
    ProgramAccess,
    ProgramRosters,
    RelationshipAccess,
    RelationshipProposals,
    ProposalExpiry,
    CreateProgramHandler,
    UpdateProgramHandler,
    ChangeProgramStatusHandler,
    EnrolParticipantHandler,
    ImportParticipantsHandler,
    RunMatchingHandler,
    PublishMatchRunHandler,
    ProposeRelationshipHandler,
    ActOnRelationshipHandler,
  ],
})
export class MatchingModule {}

export const matchingService: ServiceDefinition = {
  name: 'matching',
  defaultPort: 3001,
  module: MatchingModule,
  publishes: 'matching',
  // Own events back from Kafka: read models converge even if a write crashed before projecting.
  subscriptions: [{ name: 'read-models', contexts: ['matching'], subscriber: MatchingProjector }],
};
