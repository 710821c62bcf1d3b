import type { DirectoryEntry } from '../infrastructure/views';

/** The entry's fields, each with the code events name it by when it changes. */
const FIELD_CODES: Readonly<Record<keyof DirectoryEntry, string>> = {
  userName: 'user-name',
  externalId: 'external-id',
  displayName: 'display-name',
  givenName: 'given-name',
  familyName: 'family-name',
  email: 'email',
  preferredLanguage: 'preferred-language',
  timeZone: 'time-zone',
  jobTitle: 'job-title',
  department: 'department',
  managerId: 'manager-id',
  photoUrl: 'photo-url',
};

/** Codes of the fields whose values differ between two entries (an absent field and no value are the same). */
export function changedFieldCodes(before: DirectoryEntry, after: DirectoryEntry): string[] {
  return (Object.keys(FIELD_CODES) as (keyof DirectoryEntry)[])
    .filter((field) => (before[field] ?? null) !== (after[field] ?? null))
    .map((field) => FIELD_CODES[field]);
}

/** The entry without empty fields, so a stored entry only holds what is known. */
export function compactEntry(entry: DirectoryEntry): DirectoryEntry {
  return Object.fromEntries(
    Object.entries(entry).filter(([, value]) => typeof value === 'string' && value.trim() !== ''),
  ) as DirectoryEntry;
}

/** How userName is compared (case-insensitively, as SCIM defines it) and kept unique per tenant. */
export const userNameKey = (userName: string | undefined): string | undefined =>
  userName === undefined ? undefined : userName.trim().toLowerCase();
