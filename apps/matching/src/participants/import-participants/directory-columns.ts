import type { DirectoryEntry } from '../../infrastructure/views';
import type { RowProblem } from './participant-rows';

/** Columns that fill the people directory (not the program's profile), each with its entry field. */
const DIRECTORY_COLUMNS = {
  displayName: 'displayName',
  givenName: 'givenName',
  familyName: 'familyName',
  email: 'email',
  jobTitle: 'jobTitle',
  photoUrl: 'photoUrl',
  preferredLanguage: 'preferredLanguage',
} as const satisfies Record<string, keyof DirectoryEntry>;
export const directoryColumns: readonly string[] = Object.keys(DIRECTORY_COLUMNS);

/** Profile columns the directory also keeps, when the file fills the directory at all. */
const SHARED_COLUMNS = { department: 'department', managerId: 'managerId', timezone: 'timeZone' } as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether the file fills the directory: it has at least one directory column. */
export const fillsDirectory = (header: readonly string[]) =>
  header.some((column) => directoryColumns.includes(column));

/** The row's directory entry (empty cells left out), or undefined when the file fills no directory. */
export function directoryEntryOfRow(
  header: readonly string[],
  cells: readonly string[],
): DirectoryEntry | undefined {
  if (!fillsDirectory(header)) return undefined;
  const value = (column: string) => cells[header.indexOf(column)]?.trim() ?? '';
  const entry: DirectoryEntry = {};
  for (const [column, field] of Object.entries({ ...DIRECTORY_COLUMNS, ...SHARED_COLUMNS }))
    if (header.includes(column) && value(column)) entry[field as keyof DirectoryEntry] = value(column);
  return entry;
}

/** What is wrong with the row's directory cells, by column. */
export function directoryProblems(header: readonly string[], cells: readonly string[]): RowProblem[] {
  const entry = directoryEntryOfRow(header, cells);
  if (!entry) return [];
  const problems: RowProblem[] = [];
  for (const column of directoryColumns) {
    const text = entry[DIRECTORY_COLUMNS[column as keyof typeof DIRECTORY_COLUMNS]];
    if (text !== undefined && text.length > 200)
      problems.push({ field: column, code: 'invalid', message: 'is longer than 200 characters' });
  }
  if (entry.email !== undefined && !EMAIL.test(entry.email))
    problems.push({ field: 'email', code: 'invalid', message: 'is not an e-mail address' });
  if (entry.photoUrl !== undefined && !/^https:\/\/\S+$/.test(entry.photoUrl))
    problems.push({ field: 'photoUrl', code: 'invalid', message: 'is not an https:// URL' });
  return problems;
}
