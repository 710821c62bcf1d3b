import type { ProgramFact } from './fact-types';
import type { RecordedEvent } from './recorded-event';

export const initialProgramFact = (programId: string): ProgramFact => ({
  kind: 'program',
  programId,
  programType: null,
  status: 'unknown',
  sessionsPerMonth: null,
  adminIds: [],
});

// Types not handled here are other aggregates' or of no interest to analytics: they leave the fact as it is.
export function evolveProgramFact(fact: ProgramFact, event: RecordedEvent): ProgramFact {
  switch (event.type) {
    case 'matching.program.created': {
      const { settings } = event.data;
      return {
        ...fact,
        programType: event.data.programType,
        status: fact.status === 'unknown' ? 'draft' : fact.status,
        sessionsPerMonth: settings.sessionsPerMonth,
        adminIds: settings.adminIds,
      };
    }
    case 'matching.program.updated': {
      const { changes } = event.data;
      return {
        ...fact,
        sessionsPerMonth: changes.sessionsPerMonth ?? fact.sessionsPerMonth,
        adminIds: changes.adminIds ?? fact.adminIds,
      };
    }
    case 'matching.program.enrolment-opened':
      return { ...fact, status: 'enrolment-open' };
    case 'matching.program.enrolment-closed':
      return { ...fact, status: 'enrolment-closed' };
    case 'matching.program.launched':
      return { ...fact, status: 'active' };
    case 'matching.program.closed':
      return { ...fact, status: 'closed' };
    default:
      return fact;
  }
}
