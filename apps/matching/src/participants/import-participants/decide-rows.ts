import { canManageProgram, type Principal } from '@tandem/auth';
import type { TandemEvent } from '@tandem/events';
import { participantDecider } from '@tandem/matching-domain';
import type { VisibleProgram } from '../../programs/program-access';
import { enrolCommandOf } from '../enrol-command';
import { participantIdOf } from '../participant-identity';
import type { EnrolBody } from '../participant-schemas';
import { checkRow, type CsvRow, type RejectedRow } from './participant-rows';

/** A row that passed its checks and the decider: the events that enrol it as a new participant. */
export interface RowCandidate {
  readonly row: CsvRow;
  readonly userId: string;
  readonly participantId: string;
  readonly body: EnrolBody;
  readonly events: readonly TandemEvent[];
}

/**
 * Pure: each row checked as the JSON route checks a body, then decided by the participant decider
 * against a new participant's state (the same rules, the same events as enrolling one by one).
 */
export function decideRows(
  header: readonly string[],
  rows: readonly CsvRow[],
  program: VisibleProgram,
  principal: Principal,
): { candidates: RowCandidate[]; rejected: RejectedRow[] } {
  const byProgramAdmin = canManageProgram(principal, { adminIds: program.settings.adminIds });
  const candidates: RowCandidate[] = [];
  const rejected: RejectedRow[] = [];
  for (const row of rows) {
    const checked = checkRow(header, row, program.settings.questions);
    if ('problems' in checked) {
      rejected.push(checked);
      continue;
    }
    const { userId, body } = checked;
    const participantId = participantIdOf(program.programId, userId);
    try {
      const command = enrolCommandOf(program, participantId, userId, body, byProgramAdmin);
      const events = participantDecider.decide(command, participantDecider.initialState());
      candidates.push({ row, userId, participantId, body, events });
    } catch (error) {
      const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
      if (typeof code !== 'string') throw error;
      rejected.push({
        line: row.line,
        userId,
        problems: [{ field: '(row)', code, message: String(message) }],
      });
    }
  }
  return { candidates, rejected };
}
