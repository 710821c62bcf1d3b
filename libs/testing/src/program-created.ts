import type { EventData } from '@tandem/events';

/** A valid `matching.program.created` for tests and benchmarks, with what they vary. */
export const programCreatedData = (
  programId: string,
  {
    sessionsPerMonth = 2,
    programType = 'one-to-one',
    adminIds = ['admin-1'],
  }: {
    sessionsPerMonth?: number;
    programType?: EventData<'matching.program.created'>['programType'];
    adminIds?: string[];
  } = {},
): EventData<'matching.program.created'> => ({
  programId,
  by: adminIds[0] ?? 'admin-1',
  programType,
  settings: {
    matchingMode: 'admin-bulk',
    mentorsPerMentee: 1,
    defaultMentorCapacity: 3,
    minimumScore: 0,
    criteriaWeights: {},
    sessionsPerMonth,
    hardRules: {
      excludeSameDepartment: false,
      excludeOwnManager: true,
      excludePreviousPairs: true,
      requireCommonLanguage: true,
    },
    questions: [],
    acceptance: 'both-parties',
    proposalTtlDays: 14,
    adminIds,
  },
});
