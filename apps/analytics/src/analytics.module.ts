import { Module } from '@nestjs/common';
import type { ServiceDefinition } from '@tandem/runtime';
import { PersonEraser } from './erasure/person-eraser';
import { FactGenerations } from './infrastructure/fact-generations';
import { factSourceContexts } from './infrastructure/fact-sources';
import { FactReader } from './infrastructure/fact-reader';
import { FactWriter } from './infrastructure/fact-writer';
import { FactsProjector } from './infrastructure/facts-projector';
import { RollupReader } from './infrastructure/rollup-reader';
import { PersonalDataController } from './personal-data/personal-data.controller';
import { PersonalDataReader } from './personal-data/personal-data-reader';
import { GetAchievementsController } from './programs/get-achievements/get-achievements.controller';
import { GetProgramFunnelController } from './programs/get-program-funnel/get-program-funnel.controller';
import { GetProgramHealthController } from './programs/get-program-health/get-program-health.controller';
import { GetProgramSummaryController } from './programs/get-program-summary/get-program-summary.controller';
import { ProgramFacts } from './programs/program-facts';
import { ProgramScope } from './programs/program-scope';
import { AnalystQueries } from './query/analyst-queries';
import { ExportCsvController } from './query/export-csv/export-csv.controller';
import { RunQueryController } from './query/run-query/run-query.controller';
import { FactRebuild } from './rebuild/fact-rebuild';
import { RebuildFactsController } from './rebuild/rebuild-facts/rebuild-facts.controller';
import { RebuildRefusals } from './rebuild/rebuild-refusals';
import { ReplayedStreams } from './rebuild/replayed-streams';

/**
 * Facts, program reports, program health, the analyst query API, personal-data exports and its part
 * of erasures. Publishes only its erasure reports.
 */
@Module({
  controllers: [
    GetProgramSummaryController,
    GetProgramFunnelController,
    GetProgramHealthController,
    GetAchievementsController,
    RunQueryController,
    ExportCsvController,
    RebuildFactsController,
    PersonalDataController,
  ],
  providers: [
    FactGenerations,
    FactWriter,
    FactReader,
    RollupReader,
    FactsProjector,
    FactRebuild,
    ReplayedStreams,
    RebuildRefusals,
    ProgramScope,
    ProgramFacts,
    AnalystQueries,
    PersonalDataReader,
    PersonEraser,
  ],
})
export class AnalyticsModule {}

export const analyticsService: ServiceDefinition = {
  name: 'analytics',
  defaultPort: 3004,
  module: AnalyticsModule,
  // Its erasure reports, for matching to collect.
  publishes: 'analytics',
  subscriptions: [
    // One consumer group over the fact sources' topics, from the beginning: facts see the whole history.
    { name: 'facts', contexts: factSourceContexts, subscriber: FactsProjector },
    { name: 'person-erasure', contexts: ['matching'], subscriber: PersonEraser },
  ],
};
