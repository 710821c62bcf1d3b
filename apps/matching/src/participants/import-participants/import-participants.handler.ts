import { HttpException, Logger } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { invalidRequest, type FieldProblem, type Principal } from '@tandem/auth';
import { ProgramAccess } from '../../programs/program-access';
import { checkAnswers } from '../answers-check';
import { EnrolParticipant } from '../enrol-participant/enrol-participant.handler';
import { parseCsv } from './parse-csv';
import { enrolmentOfRow, headerProblems } from './participant-rows';

export class ImportParticipants {
  constructor(
    readonly principal: Principal,
    readonly programId: string,
    readonly csv: string,
    readonly dryRun: boolean,
  ) {}
}

export interface ImportReport {
  readonly rows: number;
  readonly enrolled: number;
  readonly dryRun: boolean;
  readonly rejected: readonly {
    readonly line: number;
    readonly userId: string;
    readonly problems: readonly FieldProblem[];
  }[];
}

/**
 * Bulk enrolment from an HR export. A malformed file (structure, header) is refused whole with a
 * 400; otherwise each row is validated on its own and the report lists every rejected row and why.
 */
@CommandHandler(ImportParticipants)
export class ImportParticipantsHandler implements ICommandHandler<ImportParticipants, ImportReport> {
  private readonly logger = new Logger('ImportParticipants');

  constructor(
    private readonly commands: CommandBus,
    private readonly access: ProgramAccess,
  ) {}

  async execute({ principal, programId, csv, dryRun }: ImportParticipants): Promise<ImportReport> {
    const program = await this.access.managed(principal, programId);
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw invalidRequest('body', [{ field: `line ${parsed.line}`, message: parsed.message }]);
    const problems = headerProblems(parsed.header, program.settings.questions);
    if (problems.length > 0)
      throw invalidRequest(
        'body',
        problems.map((message) => ({ field: 'header', message })),
      );

    const rejected: { line: number; userId: string; problems: FieldProblem[] }[] = [];
    const seen = new Set<string>();
    let enrolled = 0;
    for (const [index, row] of parsed.rows.entries()) {
      const userId = row.cells[parsed.header.indexOf('userId')]?.trim() ?? '';
      const result = enrolmentOfRow(parsed.header, row.cells, program.settings.questions);
      const rowProblems =
        'problems' in result
          ? result.problems
          : answerProblems(result.body.profile.answers, program.settings.questions);
      if (seen.has(userId)) rowProblems.push({ field: 'userId', message: 'appears on an earlier row' });
      seen.add(userId);
      if (rowProblems.length > 0 || !('body' in result)) {
        rejected.push({ line: row.line, userId, problems: rowProblems });
        continue;
      }
      if (dryRun) continue;
      try {
        await this.commands.execute(new EnrolParticipant(principal, programId, result.body, program));
        enrolled += 1;
      } catch (error) {
        rejected.push({ line: row.line, userId, problems: [{ field: '(row)', message: messageOf(error) }] });
      }
      if ((index + 1) % 500 === 0)
        this.logger.log(`import into ${programId}: ${index + 1}/${parsed.rows.length} rows`);
    }
    return { rows: parsed.rows.length, enrolled, dryRun, rejected };
  }
}

function answerProblems(
  answers: Record<string, unknown>,
  questions: Parameters<typeof checkAnswers>[1],
): FieldProblem[] {
  try {
    checkAnswers(answers as never, questions);
    return [];
  } catch (error) {
    const body = (error as HttpException).getResponse() as { fields: FieldProblem[] };
    return body.fields.map((p) => ({ ...p, field: p.field.replace('profile.answers.', 'answer:') }));
  }
}

function messageOf(error: unknown): string {
  if (error instanceof HttpException) {
    const body = error.getResponse();
    return typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? error.message);
  }
  return error instanceof Error && 'kind' in error ? error.message : 'could not be enrolled';
}
