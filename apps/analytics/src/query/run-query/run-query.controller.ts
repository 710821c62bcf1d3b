import { Controller, HttpCode, Post } from '@nestjs/common';
import {
  ANALYTICS_READERS,
  CurrentPrincipal,
  Responds,
  Roles,
  ValidatedBody,
  type Principal,
} from '@tandem/auth';
import { AnalystQueries } from '../analyst-queries';
import { queryResultResponse, queryResultSchema } from '../query-result-response';
import { queryBody, type QueryBody } from '../query-schemas';

/** The analyst query API: measures by dimensions and period, filtered, over a date range, as of a date. */
@Controller('query')
@Roles(...ANALYTICS_READERS)
export class RunQueryController {
  constructor(private readonly queries: AnalystQueries) {}

  @Post()
  @HttpCode(200)
  @Responds(queryResultSchema, {
    description:
      'The rows of the query, suppressed where too few people or as their complements; a personal filter value isolating fewer than k participants is refused (400 `filter-isolates-too-few`)',
  })
  async query(@CurrentPrincipal() principal: Principal, @ValidatedBody(queryBody) body: QueryBody) {
    const { asOf, ...query } = body;
    return queryResultResponse(await this.queries.run(principal, query, asOf), asOf);
  }
}
