import { racingClients, type RacingClients } from './conformance.test-kit';

// Conformance: the aggregation stages and accumulators that read models and analytics use,
// each checked against an answer computed here from the same rows.
describe('MongoDB conformance: aggregation framework', () => {
  let clients: RacingClients;
  const rows = Array.from({ length: 600 }, (_, i) => ({
    program: `p-${i % 3}`,
    department: ['sales', 'ops', 'it', 'hr'][i % 4] as string,
    hours: (i % 7) + 0.5,
    rating: (i % 5) + 1,
    mentee: `m-${i % 50}`,
    at: new Date(Date.UTC(2026, i % 12, (i % 28) + 1, i % 24)),
  }));

  beforeAll(async () => {
    clients = await racingClients('conformance_aggregate', 1);
    await clients.dbs[0]!.collection('facts').insertMany(rows.map((row) => ({ ...row })));
  });
  afterAll(() => clients.close());

  const facts = () => clients.dbs[0]!.collection('facts');

  it('$match, $group with $sum (values and 1), $avg, $min, $max, $addToSet, then $sort', async () => {
    const answer = await facts()
      .aggregate([
        { $match: { program: 'p-1' } },
        {
          $group: {
            _id: '$department',
            sessions: { $sum: 1 },
            hours: { $sum: '$hours' },
            meanRating: { $avg: '$rating' },
            low: { $min: '$rating' },
            high: { $max: '$rating' },
            mentees: { $addToSet: '$mentee' },
          },
        },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    const expected = [...new Set(rows.filter((r) => r.program === 'p-1').map((r) => r.department))]
      .sort()
      .map((department) => {
        const group = rows.filter((r) => r.program === 'p-1' && r.department === department);
        return {
          _id: department,
          sessions: group.length,
          hours: group.reduce((s, r) => s + r.hours, 0),
          meanRating: group.reduce((s, r) => s + r.rating, 0) / group.length,
          low: Math.min(...group.map((r) => r.rating)),
          high: Math.max(...group.map((r) => r.rating)),
          mentees: new Set(group.map((r) => r.mentee)).size,
        };
      });
    expect(answer.map((row) => ({ ...row, mentees: (row['mentees'] as string[]).length }))).toEqual(expected);
  });

  it('$dateTrunc by month, compound group keys, $project with $size, $sort and $limit', async () => {
    const answer = await facts()
      .aggregate([
        {
          $group: {
            _id: { program: '$program', month: { $dateTrunc: { date: '$at', unit: 'month' } } },
            n: { $sum: 1 },
            mentees: { $addToSet: '$mentee' },
          },
        },
        {
          $project: {
            _id: 0,
            program: '$_id.program',
            month: '$_id.month',
            n: 1,
            mentees: { $size: '$mentees' },
          },
        },
        { $sort: { program: 1, month: 1 } },
        { $limit: 5 },
      ])
      .toArray();
    const key = (r: (typeof rows)[number]) =>
      `${r.program}|${new Date(Date.UTC(r.at.getUTCFullYear(), r.at.getUTCMonth(), 1)).toISOString()}`;
    const groups = new Map<string, (typeof rows)[number][]>();
    for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
    const expected = [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, 5)
      .map(([k, group]) => ({
        program: k.split('|')[0],
        month: new Date(k.split('|')[1] as string),
        n: group.length,
        mentees: new Set(group.map((r) => r.mentee)).size,
      }));
    expect(answer).toEqual(expected);
  });

  it('$facet with $count, and $cond inside $sum', async () => {
    const [answer] = await facts()
      .aggregate([
        {
          $facet: {
            total: [{ $count: 'n' }],
            highRated: [{ $group: { _id: null, n: { $sum: { $cond: [{ $gte: ['$rating', 4] }, 1, 0] } } } }],
          },
        },
      ])
      .toArray();
    expect(answer).toEqual({
      total: [{ n: rows.length }],
      highRated: [{ _id: null, n: rows.filter((r) => r.rating >= 4).length }],
    });
  });

  it('$merge writes a rollup collection that a second run updates in place', async () => {
    const rollup = (extra: number) =>
      facts()
        .aggregate([
          { $group: { _id: '$program', sessions: { $sum: 1 } } },
          { $addFields: { sessions: { $add: ['$sessions', extra] } } },
          { $merge: { into: 'rollup', on: '_id', whenMatched: 'replace', whenNotMatched: 'insert' } },
        ])
        .toArray();
    await rollup(0);
    await rollup(1);
    const stored = await clients.dbs[0]!.collection('rollup').find().sort({ _id: 1 }).toArray();
    expect(stored).toEqual(
      ['p-0', 'p-1', 'p-2'].map((program) => ({
        _id: program,
        sessions: rows.filter((r) => r.program === program).length + 1,
      })),
    );
  });

  it('$lookup by localField/foreignField with a filtering pipeline, after $addFields with $concat', async () => {
    const db = clients.dbs[0]!;
    await db.collection('owners').insertMany([
      { _id: 'acme/p-0' as never, tenantId: 'acme', name: 'zero' },
      { _id: 'acme/p-1' as never, tenantId: 'globex', name: 'filtered out by the pipeline' },
    ]);
    await db.collection('links').insertMany(['p-0', 'p-1', 'p-2'].map((program) => ({ program })));
    const joined = await db
      .collection('links')
      .aggregate([
        { $addFields: { ownerKey: { $concat: ['acme/', '$program'] } } },
        {
          $lookup: {
            from: 'owners',
            localField: 'ownerKey',
            foreignField: '_id',
            pipeline: [{ $match: { tenantId: 'acme' } }],
            as: 'owners',
          },
        },
        { $sort: { program: 1 } },
      ])
      .toArray();
    const names = joined.map(({ program, owners }) => ({
      program,
      owners: (owners as { name: string }[]).map((owner) => owner.name),
    }));
    expect(names).toEqual([
      { program: 'p-0', owners: ['zero'] },
      { program: 'p-1', owners: [] },
      { program: 'p-2', owners: [] },
    ]);
  });
});
