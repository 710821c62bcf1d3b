import type { FieldProblem } from '@tandem/auth';
import type { ProgramSettings } from '@tandem/matching-domain';
import { answerProblems } from '../answers-check';
import { enrolBody, type EnrolBody } from '../participant-schemas';
import { directoryColumns, directoryProblems } from './directory-columns';

/** A data row of the file: its line in the file (for the report) and its cells. */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
  /** Its userId appears on an earlier row: only the first is enrolled. */
  readonly duplicate?: boolean;
}

/** Why a cell (or, with field "(row)", the whole row) was not enrolled; `code` is stable. */
export interface RowProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export interface RejectedRow {
  readonly line: number;
  readonly userId: string;
  readonly problems: readonly RowProblem[];
}

const listColumns = ['languages', 'skillsOffered', 'skillsSought', 'focusAreas'] as const;
const textColumns = ['department', 'managerId', 'location', 'timezone'] as const;
const numberColumns = ['capacity', 'overallCapacity', 'level'] as const;
export const knownColumns: readonly string[] = [
  'userId',
  'roles',
  ...listColumns,
  ...textColumns,
  ...numberColumns,
  ...directoryColumns,
];

/** Header problems make the whole file malformed: nothing is enrolled. */
export function headerProblems(header: readonly string[], questions: ProgramSettings['questions']): string[] {
  const problems: string[] = [];
  for (const required of ['userId', 'roles'])
    if (!header.includes(required)) problems.push(`missing column "${required}"`);
  const questionColumns = new Set(questions.map((q) => `answer:${q.id}`));
  for (const column of header) {
    if (!knownColumns.includes(column) && !questionColumns.has(column))
      problems.push(`unknown column "${column}"`);
  }
  const duplicate = header.find((column, i) => header.indexOf(column) !== i);
  if (duplicate) problems.push(`column "${duplicate}" appears twice`);
  return problems;
}

const list = (value: string) =>
  value
    .split(';')
    .map((item) => item.trim())
    .filter(Boolean);
const number = (value: string) => (/^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value);

/** One CSV row → the same enrolment body the JSON route takes, validated the same way. */
export function enrolmentOfRow(
  header: readonly string[],
  cells: readonly string[],
  questions: ProgramSettings['questions'],
): { body: EnrolBody } | { problems: FieldProblem[] } {
  const value = (column: string) => cells[header.indexOf(column)]?.trim() ?? '';
  const profile: Record<string, unknown> = {};
  for (const column of listColumns) if (header.includes(column)) profile[column] = list(value(column));
  for (const column of textColumns) if (value(column)) profile[column] = value(column);
  if (value('level')) profile['level'] = number(value('level'));
  const answers: Record<string, unknown> = {};
  for (const question of questions) {
    const raw = value(`answer:${question.id}`);
    if (!raw) continue;
    answers[question.id] =
      question.kind === 'multi-choice' ? list(raw) : question.kind === 'number' ? number(raw) : raw;
  }
  const candidate = {
    userId: value('userId'),
    roles: list(value('roles')),
    ...(value('capacity') ? { capacity: number(value('capacity')) } : {}),
    ...(value('overallCapacity') ? { overallCapacity: number(value('overallCapacity')) } : {}),
    profile: { ...profile, answers },
  };
  const parsed = enrolBody.safeParse(candidate);
  if (parsed.success) return { body: parsed.data };
  return {
    problems: parsed.error.issues.map((issue) => ({ field: columnOf(issue.path), message: issue.message })),
  };
}

/** Zod paths back to CSV column names, so the report points at the cell to fix. */
function columnOf(path: readonly PropertyKey[]): string {
  const [first, second, third] = path.map(String);
  if (first === 'profile' && second === 'answers') return `answer:${third}`;
  if (first === 'profile') return second ?? 'profile';
  return first ?? '(row)';
}

/** Marks each row whose userId appears on an earlier row (the whole file is needed for that). */
export function markDuplicates(header: readonly string[], rows: readonly CsvRow[]): CsvRow[] {
  const column = header.indexOf('userId');
  const seen = new Set<string>();
  return rows.map((row) => {
    const userId = row.cells[column]?.trim() ?? '';
    const duplicate = seen.has(userId);
    seen.add(userId);
    return duplicate ? { ...row, duplicate } : { line: row.line, cells: row.cells };
  });
}

/**
 * One row checked as the JSON route checks a body (fields, then answers against the program's
 * questions), plus the file's own rule: a userId only once.
 */
export function checkRow(
  header: readonly string[],
  row: CsvRow,
  questions: ProgramSettings['questions'],
): { readonly userId: string; readonly body: EnrolBody } | RejectedRow {
  const userId = row.cells[header.indexOf('userId')]?.trim() ?? '';
  const result = enrolmentOfRow(header, row.cells, questions);
  const problems: RowProblem[] =
    'problems' in result
      ? result.problems.map((p) => ({ ...p, code: 'invalid' }))
      : answerProblems(result.body.profile.answers, questions, 'answer').map((p) => ({
          field: p.field.replace('answer.', 'answer:'),
          code: 'invalid-answer',
          message: p.message,
        }));
  problems.push(...directoryProblems(header, row.cells));
  if (row.duplicate)
    problems.push({ field: 'userId', code: 'duplicate-row', message: 'appears on an earlier row' });
  if (problems.length > 0 || !('body' in result)) return { line: row.line, userId, problems };
  return { userId: result.body.userId ?? userId, body: result.body };
}
