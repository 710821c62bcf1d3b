import type { FieldProblem } from '@tandem/auth';
import type { ProgramSettings } from '@tandem/matching-domain';
import { enrolBody, type EnrolBody } from '../participant-schemas';

const listColumns = ['languages', 'skillsOffered', 'skillsSought', 'focusAreas'] as const;
const textColumns = ['department', 'managerId', 'location', 'timezone'] as const;
const numberColumns = ['capacity', 'overallCapacity', 'level'] as const;
export const knownColumns: readonly string[] = [
  'userId',
  'roles',
  ...listColumns,
  ...textColumns,
  ...numberColumns,
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
