import { Controller, Get, Header } from '@nestjs/common';
import {
  ANALYTICS_READERS,
  CurrentPrincipal,
  Responds,
  Roles,
  ValidatedQuery,
  type Principal,
} from '@tandem/auth';
import { z } from 'zod';
import { AnalystQueries } from '../analyst-queries';
import { exportQuery, type ExportQuery } from '../query-schemas';
import { queryResultCsv } from './query-result-csv';

/** The same query as `POST /query`, as a CSV download (suppression applies alike). */
@Controller('export.csv')
@Roles(...ANALYTICS_READERS)
export class ExportCsvController {
  constructor(private readonly queries: AnalystQueries) {}

  @Get()
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="tandem-analytics.csv"')
  @Responds(
    z
      .string()
      .describe('RFC 4180 CSV (CRLF): period when grained, dimensions, measures, suppressed')
      .meta({
        examples: ['menteeDepartment,relationships,suppressed\r\neng,6,false\r\nhr,,true\r\nlegal,,true\r\n'],
      }),
    { mediaType: 'text/csv', description: 'The query rows as a CSV download' },
  )
  async export(
    @CurrentPrincipal() principal: Principal,
    @ValidatedQuery(exportQuery) query: ExportQuery,
  ): Promise<string> {
    const { from, to, asOf, ...rest } = query;
    const dateRange =
      from === undefined && to === undefined
        ? undefined
        : { ...(from ? { from } : {}), ...(to ? { to } : {}) };
    const result = await this.queries.run(principal, { ...rest, ...(dateRange ? { dateRange } : {}) }, asOf);
    return queryResultCsv(result);
  }
}
