import { Injectable } from '@nestjs/common';
import {
  CROSS_PROGRAM_MEASURES,
  DEFAULT_K_ANONYMITY,
  parseAnalyticsQuery,
  runQuery,
  type AnalyticsQueryInput,
  type QueryResult,
} from '@tandem/analytics-domain';
import type { Principal } from '@tandem/auth';
import { FactReader } from '../infrastructure/fact-reader';
import { ProgramScope } from '../programs/program-scope';

/** Fewest participants a row on a personal dimension may describe; ANALYTICS_K_ANONYMITY overrides (never below 2). */
const kAnonymity = Math.max(
  2,
  Number(process.env['ANALYTICS_K_ANONYMITY'] ?? DEFAULT_K_ANONYMITY) || DEFAULT_K_ANONYMITY,
);

/** Runs an analyst's query over the facts of the programs the caller may read. */
@Injectable()
export class AnalystQueries {
  constructor(
    private readonly scope: ProgramScope,
    private readonly reader: FactReader,
  ) {}

  async run(principal: Principal, input: AnalyticsQueryInput, asOf?: string): Promise<QueryResult> {
    const query = parseAnalyticsQuery(input);
    const readable = await this.scope.readable(principal);
    const crossProgram = query.measures.some((m) => CROSS_PROGRAM_MEASURES.has(m));
    // runQuery applies the program filter to rows anyway; narrowing the read is only a saving.
    const wanted = crossProgram ? undefined : query.filters.program;
    const programs =
      readable === undefined ? wanted : readable.filter((id) => wanted === undefined || wanted.includes(id));
    const facts = await this.reader.factSet(principal.tenantId, programs, asOf);
    return runQuery(facts, query, kAnonymity);
  }
}
