import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { ServiceDefinition } from '@tandem/runtime';
import { AuditTrailController } from './audit/audit-trail.controller';
import { Clock } from './infrastructure/clock';
import { MentorCapacity } from './infrastructure/mentor-capacity';
import { ReadModels } from './infrastructure/read-model-collections';
import { ReadModelIndexes } from './infrastructure/read-model-indexes';
import { GetMatchRunController } from './match-runs/get-match-run/get-match-run.controller';
import { ExplainPairController } from './match-runs/explain-pair/explain-pair.controller';
import { ListMatchRunsController } from './match-runs/list-match-runs/list-match-runs.controller';
import { ReviewDraftController } from './match-runs/review-draft/review-draft.controller';
import { ReviewDraftHandler } from './match-runs/review-draft/review-draft.handler';
import { ProgramRosters } from './match-runs/program-roster';
import { PublishMatchRunController } from './match-runs/publish-match-run/publish-match-run.controller';
import { MatchRunPublication } from './match-runs/publish-match-run/match-run-publication';
import { PublishMatchRunHandler } from './match-runs/publish-match-run/publish-match-run.handler';
import { MatchRunExecution } from './match-runs/match-run-jobs/match-run-execution';
import { MatchRunJobs } from './match-runs/match-run-jobs/match-run-jobs';
import { MatchRunJobsController } from './match-runs/match-run-jobs/match-run-jobs.controller';
import { MatchRunPool } from './match-runs/match-run-jobs/match-run-pool';
import { MatchRunRunner } from './match-runs/match-run-jobs/match-run-runner';
import { RunMatchingController } from './match-runs/run-matching/run-matching.controller';
import { RunMatchingHandler } from './match-runs/run-matching/run-matching.handler';
import { SuggestMentorsController } from './match-runs/suggest-mentors/suggest-mentors.controller';
import { EnrolParticipantController } from './participants/enrol-participant/enrol-participant.controller';
import { EnrolParticipantHandler } from './participants/enrol-participant/enrol-participant.handler';
import { ImportParticipantsController } from './participants/import-participants/import-participants.controller';
import { ImportParticipantsHandler } from './participants/import-participants/import-participants.handler';
import { CancelParticipantImportController } from './participants/cancel-participant-import/cancel-participant-import.controller';
import { CancelParticipantImportHandler } from './participants/cancel-participant-import/cancel-participant-import.handler';
import { GetParticipantImportController } from './participants/get-participant-import/get-participant-import.controller';
import { GetParticipantImportHandler } from './participants/get-participant-import/get-participant-import.handler';
import { ParticipantImportChunks } from './participants/participant-imports/enrol-chunk';
import { ParticipantImportRunner } from './participants/participant-imports/import-job-runner';
import { ParticipantImportJobs } from './participants/participant-imports/import-jobs';
import { ListParticipantsController } from './participants/list-participants/list-participants.controller';
import { GetMentorLoadHandler } from './participants/mentor-load/get-mentor-load.handler';
import { MentorLoadController } from './participants/mentor-load/mentor-load.controller';
import { SetOverallCapacityHandler } from './participants/mentor-load/set-overall-capacity.handler';
import { UpdateProfileController } from './participants/update-profile/update-profile.controller';
import { UpdateProfileHandler } from './participants/update-profile/update-profile.handler';
import { WithdrawParticipantController } from './participants/withdraw-participant/withdraw-participant.controller';
import { WithdrawParticipantHandler } from './participants/withdraw-participant/withdraw-participant.handler';
import { ChangeProgramStatusController } from './programs/change-program-status/change-program-status.controller';
import { ChangeProgramStatusHandler } from './programs/change-program-status/change-program-status.handler';
import { CreateProgramController } from './programs/create-program/create-program.controller';
import { CreateProgramHandler } from './programs/create-program/create-program.handler';
import { GetProgramsController } from './programs/get-programs/get-programs.controller';
import { ProgramAccess } from './programs/program-access';
import { ProgramClosure } from './programs/program-closure/program-closure';
import { ProgramDates } from './programs/program-dates/program-dates';
import { UpdateProgramController } from './programs/update-program/update-program.controller';
import { UpdateProgramHandler } from './programs/update-program/update-program.handler';
import { Deprovisioning } from './people/deprovisioning';
import { PeopleDirectory } from './people/people-directory';
import { PeopleNames } from './people/people-names';
import { PeopleController } from './people/people.controller';
import { MatchingPersonalData } from './personal-data/matching-personal-data';
import { ErasureProgress } from './erasure/erasure-progress';
import { ErasureRequests } from './erasure/erasure-requests';
import { ErasureRequestsController } from './erasure/erasure-requests.controller';
import { MatchingPersonEraser } from './erasure/matching-person-eraser';
import { PersonErasureSubscriber } from './erasure/person-erasure-subscriber';
import { PersonalDataExports } from './personal-data/personal-data-export';
import { PersonalDataController } from './personal-data/personal-data.controller';
import { ScimDiscoveryController } from './people/scim/scim-discovery.controller';
import { ScimTokenGuard } from './people/scim/scim-token.guard';
import { ScimTokens } from './people/scim/scim-tokens';
import { ScimTokensController } from './people/scim/scim-tokens.controller';
import { ScimUsersController } from './people/scim/scim-users.controller';
import { ReadModelProjection } from './read-models/read-model-projection';
import { AcceptRelationshipController } from './relationships/accept-relationship/accept-relationship.controller';
import { AcceptRelationshipHandler } from './relationships/accept-relationship/accept-relationship.handler';
import { CapacityLimits } from './relationships/capacity-limits';
import { DeclineRelationshipController } from './relationships/decline-relationship/decline-relationship.controller';
import { DeclineRelationshipHandler } from './relationships/decline-relationship/decline-relationship.handler';
import { EndRelationshipController } from './relationships/end-relationship/end-relationship.controller';
import { EndRelationshipHandler } from './relationships/end-relationship/end-relationship.handler';
import { ProposalExpiry } from './relationships/expire-proposals/proposal-expiry';
import { GetRelationshipsController } from './relationships/get-relationships/get-relationships.controller';
import { MentorCapacityPolicy } from './relationships/mentor-capacity-policy/mentor-capacity-policy';
import { PauseRelationshipController } from './relationships/pause-relationship/pause-relationship.controller';
import { PauseRelationshipHandler } from './relationships/pause-relationship/pause-relationship.handler';
import { ProposeRelationshipController } from './relationships/propose-relationship/propose-relationship.controller';
import { ProposeRelationshipHandler } from './relationships/propose-relationship/propose-relationship.handler';
import { ConfirmAgreementController } from './relationships/confirm-agreement/confirm-agreement.controller';
import { ConfirmAgreementHandler } from './relationships/confirm-agreement/confirm-agreement.handler';
import { ProposeRematchController } from './relationships/propose-rematch/propose-rematch.controller';
import { ProposeRematchHandler } from './relationships/propose-rematch/propose-rematch.handler';
import { RematchProposals } from './relationships/propose-rematch/rematch-proposals';
import { Rematcher } from './relationships/propose-rematch/rematcher';
import { RematchSweep } from './relationships/rematch-sweep/rematch-sweep';
import { RematchQueueController } from './relationships/rematch-queue/rematch-queue.controller';
import { GetRematchQueueHandler } from './relationships/rematch-queue/rematch-queue.handler';
import { RecordAgreementController } from './relationships/record-agreement/record-agreement.controller';
import { RecordAgreementHandler } from './relationships/record-agreement/record-agreement.handler';
import { RelationshipAccess } from './relationships/relationship-access';
import { ResumeRelationshipController } from './relationships/resume-relationship/resume-relationship.controller';
import { ResumeRelationshipHandler } from './relationships/resume-relationship/resume-relationship.handler';
import { SubmitReflectionController } from './relationships/submit-reflection/submit-reflection.controller';
import { SubmitReflectionHandler } from './relationships/submit-reflection/submit-reflection.handler';

/** Programs, enrolment, matching and relationships: one slice per use case. */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [
    // Routes with a fixed segment before ones with a parameter at the same place.
    ImportParticipantsController,
    GetParticipantImportController,
    CancelParticipantImportController,
    CreateProgramController,
    GetProgramsController,
    UpdateProgramController,
    ChangeProgramStatusController,
    EnrolParticipantController,
    ListParticipantsController,
    WithdrawParticipantController,
    UpdateProfileController,
    MentorLoadController,
    RunMatchingController,
    MatchRunJobsController,
    GetMatchRunController,
    ExplainPairController,
    ListMatchRunsController,
    ReviewDraftController,
    PublishMatchRunController,
    SuggestMentorsController,
    ProposeRelationshipController,
    GetRelationshipsController,
    AcceptRelationshipController,
    DeclineRelationshipController,
    RecordAgreementController,
    ConfirmAgreementController,
    ProposeRematchController,
    RematchQueueController,
    PauseRelationshipController,
    ResumeRelationshipController,
    EndRelationshipController,
    SubmitReflectionController,
    ScimTokensController,
    AuditTrailController,
    PeopleController,
    PersonalDataController,
    ErasureRequestsController,
    ScimDiscoveryController,
    ScimUsersController,
  ],
  providers: [
    Clock,
    PeopleDirectory,
    MatchingPersonalData,
    PersonalDataExports,
    ErasureRequests,
    ErasureProgress,
    MatchingPersonEraser,
    PersonErasureSubscriber,
    PeopleNames,
    Deprovisioning,
    ScimTokens,
    ScimTokenGuard,
    ReadModels,
    ReadModelIndexes,
    ReadModelProjection,
    MentorCapacity,
    MentorCapacityPolicy,
    CapacityLimits,
    MatchRunPublication,
    ProgramAccess,
    ProgramClosure,
    ProgramDates,
    ProgramRosters,
    RelationshipAccess,
    ProposalExpiry,
    CreateProgramHandler,
    UpdateProgramHandler,
    ChangeProgramStatusHandler,
    EnrolParticipantHandler,
    UpdateProfileHandler,
    WithdrawParticipantHandler,
    SetOverallCapacityHandler,
    GetMentorLoadHandler,
    ImportParticipantsHandler,
    GetParticipantImportHandler,
    CancelParticipantImportHandler,
    ParticipantImportJobs,
    ParticipantImportChunks,
    ParticipantImportRunner,
    RunMatchingHandler,
    MatchRunJobs,
    MatchRunExecution,
    MatchRunPool,
    MatchRunRunner,
    PublishMatchRunHandler,
    ReviewDraftHandler,
    ProposeRelationshipHandler,
    AcceptRelationshipHandler,
    DeclineRelationshipHandler,
    RecordAgreementHandler,
    ConfirmAgreementHandler,
    ProposeRematchHandler,
    GetRematchQueueHandler,
    RematchProposals,
    Rematcher,
    RematchSweep,
    PauseRelationshipHandler,
    ResumeRelationshipHandler,
    EndRelationshipHandler,
    SubmitReflectionHandler,
  ],
})
export class MatchingModule {}

export const matchingService: ServiceDefinition = {
  name: 'matching',
  defaultPort: 3001,
  module: MatchingModule,
  publishes: 'matching',
  // Own events back from Kafka, each consumer group on its own so one failing cannot hold up another:
  // read models converge even if a write crashed before applying its events; capacity holds and
  // a published run's proposals complete even if the request that started them died.
  subscriptions: [
    { name: 'read-models', contexts: ['matching'], subscriber: ReadModelProjection },
    { name: 'mentor-capacity', contexts: ['matching'], subscriber: MentorCapacityPolicy },
    { name: 'match-run-publication', contexts: ['matching'], subscriber: MatchRunPublication },
    { name: 'rematch-proposals', contexts: ['matching'], subscriber: RematchProposals },
    { name: 'program-closure', contexts: ['matching'], subscriber: ProgramClosure },
    { name: 'deprovisioning', contexts: ['matching'], subscriber: Deprovisioning },
    // Requests, matching's own part of each, and every service's report of its part.
    {
      name: 'person-erasure',
      contexts: ['matching', 'goals', 'sessions', 'analytics'],
      subscriber: PersonErasureSubscriber,
    },
  ],
};
