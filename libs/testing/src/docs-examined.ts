import type { Document, FindCursor } from 'mongodb';

/** What the server examined and returned to answer a query, from its own `explain('executionStats')`. */
export async function docsExamined(
  cursor: FindCursor<Document>,
): Promise<{ examined: number; returned: number }> {
  const explained = await cursor.explain('executionStats');
  const stats = explained['executionStats'] as
    { totalDocsExamined?: unknown; nReturned?: unknown } | undefined;
  if (typeof stats?.totalDocsExamined !== 'number' || typeof stats.nReturned !== 'number')
    throw new Error(`explain gave no executionStats: ${JSON.stringify(explained).slice(0, 300)}`);
  return { examined: stats.totalDocsExamined, returned: stats.nReturned };
}
