import type { QueryResult } from '@tandem/analytics-domain';
import { queryResultCsv } from './query-result-csv';

const resultOf = (departments: readonly string[], measure: number | null = 1): QueryResult => ({
  measures: ['relationships'],
  dimensions: ['menteeDepartment'],
  k: 1,
  rows: departments.map((menteeDepartment) => ({
    dimensions: { menteeDepartment },
    measures: { relationships: measure },
    suppressed: measure === null,
  })),
});

describe('queryResultCsv', () => {
  it('prefixes a quote to text that a spreadsheet would run, keeping the rest of the value', () => {
    const csv = queryResultCsv(
      resultOf(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tcmd', '\rcmd', '＝1+1', 'a=b', 'two\nlines']),
    );
    expect(csv.split('\r\n')).toEqual([
      'menteeDepartment,relationships,suppressed',
      `"'=HYPERLINK(""x"")",1,false`,
      "'+1,1,false",
      "'-2,1,false",
      "'@SUM(A1),1,false",
      "'\tcmd,1,false",
      `"'\rcmd",1,false`,
      "'＝1+1,1,false",
      'a=b,1,false',
      '"two\nlines",1,false',
      '',
    ]);
  });

  it('leaves numbers as numbers, negative ones too, and writes empty cells for null', () => {
    expect(queryResultCsv(resultOf(['hr'], -3))).toBe(
      'menteeDepartment,relationships,suppressed\r\nhr,-3,false\r\n',
    );
    expect(queryResultCsv(resultOf(['hr'], null))).toBe(
      'menteeDepartment,relationships,suppressed\r\nhr,,true\r\n',
    );
  });

  it('puts the period first when the query is grained', () => {
    const grained: QueryResult = {
      measures: ['sessionHours'],
      dimensions: [],
      timeGrain: 'month',
      k: 1,
      rows: [{ period: '2026-01', dimensions: {}, measures: { sessionHours: 1.5 }, suppressed: false }],
    };
    expect(queryResultCsv(grained)).toBe('period,sessionHours,suppressed\r\n2026-01,1.5,false\r\n');
  });
});
