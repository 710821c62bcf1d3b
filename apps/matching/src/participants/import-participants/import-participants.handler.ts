import { randomUUID } from 'node:crypto';
import { PayloadTooLargeException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { invalidRequest, type Principal } from '@tandem/auth';
import { z } from 'zod';
import { ProgramAccess, type VisibleProgram } from '../../programs/program-access';
import { ParticipantImportRunner } from '../participant-imports/import-job-runner';
import { ParticipantImportJobs, type ImportJobDocument } from '../participant-imports/import-jobs';
import { importSettings } from '../participant-imports/import-settings';
import { rejectedRowSchema } from '../participant-imports/participant-import-response';
import { decideRows } from './decide-rows';
import { parseCsv } from './parse-csv';
import { headerProblems, markDuplicates, type CsvRow } from './participant-rows';

export class ImportParticipants {
  constructor(
    readonly principal: Principal,
    readonly programId: string,
    readonly csv: string,
    readonly dryRun: boolean,
  ) {}
}

/** A dry run's answer: what an import of the file would reject, with nothing written. */
export const dryRunReportSchema = z
  .object({
    rows: z.number().int().describe('Data rows in the file'),
    enrolled: z.literal(0).describe('Nothing is enrolled by a dry run'),
    dryRun: z.literal(true),
    rejected: z.array(rejectedRowSchema).describe('The rows an import would reject, in file order'),
  })
  .describe('What an import of the file would reject (checks and rules, not who is enrolled already)');
export type DryRunReport = z.output<typeof dryRunReportSchema>;

export type ImportAccepted = { readonly dryRun: false; readonly job: ImportJobDocument };

/**
 * Bulk enrolment from an HR export. The file is checked as a whole first — structure, header, at
 * most IMPORT_MAX_ROWS rows — and refused whole (400, 413) with nothing written; otherwise its rows
 * are stored as a job that enrols them in the background (ParticipantImportRunner), each row
 * checked on its own and every rejected row reported. A dry run checks the rows at once instead.
 */
@CommandHandler(ImportParticipants)
export class ImportParticipantsHandler implements ICommandHandler<
  ImportParticipants,
  DryRunReport | ImportAccepted
> {
  private readonly settings = importSettings();

  constructor(
    private readonly access: ProgramAccess,
    private readonly jobs: ParticipantImportJobs,
    private readonly runner: ParticipantImportRunner,
  ) {}

  async execute({
    principal,
    programId,
    csv,
    dryRun,
  }: ImportParticipants): Promise<DryRunReport | ImportAccepted> {
    const program = await this.access.managed(principal, programId);
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw invalidRequest('body', [{ field: `line ${parsed.line}`, message: parsed.message }]);
    const problems = headerProblems(parsed.header, program.settings.questions);
    if (problems.length > 0)
      throw invalidRequest(
        'body',
        problems.map((message) => ({ field: 'header', message })),
      );
    if (parsed.rows.length > this.settings.maxRows)
      throw tooManyRows(parsed.rows.length, this.settings.maxRows);
    const rows = markDuplicates(parsed.header, parsed.rows);
    if (dryRun) return dryRunReport(principal, program, parsed.header, rows);

    const chunks: CsvRow[][] = [];
    for (let at = 0; at < rows.length; at += this.settings.chunkRows)
      chunks.push(rows.slice(at, at + this.settings.chunkRows));
    const job = await this.jobs.create(principal, programId, randomUUID(), parsed.header, chunks, new Date());
    void this.runner.wake();
    return { dryRun: false, job };
  }
}

function tooManyRows(rows: number, maxRows: number): PayloadTooLargeException {
  return new PayloadTooLargeException({
    statusCode: 413,
    error: 'Payload Too Large',
    code: 'too-many-rows',
    message: `The file has ${rows} rows; an import takes at most ${maxRows} (IMPORT_MAX_ROWS): split it`,
    limit: maxRows,
  });
}

/** Every row's checks and the decider's verdict for a new participant, without writing anything. */
function dryRunReport(
  principal: Principal,
  program: VisibleProgram,
  header: readonly string[],
  rows: readonly CsvRow[],
): DryRunReport {
  const { rejected } = decideRows(header, rows, program, principal);
  return {
    rows: rows.length,
    enrolled: 0,
    dryRun: true,
    rejected: rejected.map((row) => ({ ...row, problems: [...row.problems] })),
  };
}
