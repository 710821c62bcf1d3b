import { z } from 'zod';
import type { DirectoryEntry, PersonView } from '../../infrastructure/views';
import { ScimError } from './scim-error';
import { etagOf } from './scim-etag';
import { SCIM } from './scim-urns';

/** Ids as events carry them (libs/events `id`): a SCIM user's id is the user id their tokens carry. */
const USER_ID = /^[A-Za-z0-9][A-Za-z0-9_:-]{0,99}$/;

const text = z.string().trim().max(500);
const multiValued = z.array(
  z.looseObject({
    value: z.unknown().optional(),
    type: z.string().optional(),
    primary: z.unknown().optional(),
  }),
);

/**
 * A SCIM User as Okta and Entra ID send it. Attributes Tandem does not keep (password, groups,
 * phone numbers, roles, …) are accepted and ignored, as RFC 7644 allows a provider to.
 */
export const scimUserBody = z.looseObject({
  schemas: z.array(z.string()).optional(),
  userName: text.min(1),
  externalId: text.optional(),
  displayName: text.optional(),
  name: z
    .looseObject({ givenName: text.optional(), familyName: text.optional(), formatted: text.optional() })
    .optional(),
  emails: multiValued.optional(),
  photos: multiValued.optional(),
  title: text.optional(),
  preferredLanguage: text.optional(),
  timezone: text.optional(),
  active: z.union([z.boolean(), z.enum(['true', 'false', 'True', 'False'])]).optional(),
  [SCIM.enterpriseUser]: z
    .looseObject({
      department: text.optional(),
      manager: z.union([z.looseObject({ value: text.optional() }), text]).optional(),
    })
    .optional(),
});
export type ScimUserBody = z.infer<typeof scimUserBody>;

/** The body as a directory entry and an active flag. */
export function entryOfScimUser(body: unknown): { entry: DirectoryEntry; active?: boolean } {
  const parsed = scimUserBody.safeParse(body);
  if (!parsed.success)
    throw new ScimError(
      400,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; '),
      'invalidValue',
    );
  const user = parsed.data;
  const enterprise = user[SCIM.enterpriseUser];
  const manager = typeof enterprise?.manager === 'string' ? enterprise.manager : enterprise?.manager?.value;
  const entry: DirectoryEntry = {
    userName: user.userName,
    externalId: user.externalId,
    displayName:
      user.displayName ?? user.name?.formatted ?? joined(user.name?.givenName, user.name?.familyName),
    givenName: user.name?.givenName,
    familyName: user.name?.familyName,
    email: preferred(user.emails, 'work'),
    preferredLanguage: user.preferredLanguage,
    timeZone: user.timezone,
    jobTitle: user.title,
    department: enterprise?.department,
    managerId: manager,
    photoUrl: preferred(user.photos, 'photo'),
  };
  const active =
    user.active === undefined
      ? undefined
      : user.active === true || String(user.active).toLowerCase() === 'true';
  return { entry: definedOnly(entry), ...(active === undefined ? {} : { active }) };
}

/**
 * The user id a new SCIM user gets: their externalId (Okta's user id, or the Entra ID attribute the
 * tenant maps to it), else their userName, whichever is an id the tokens can carry.
 */
export function userIdOfNewScimUser(entry: DirectoryEntry): string {
  const candidate = [entry.externalId, entry.userName].find(
    (value) => value !== undefined && USER_ID.test(value),
  );
  if (!candidate)
    throw new ScimError(
      400,
      "externalId (or else userName) must be the user id the tenant's tokens carry: letters, digits, _ : - (at most 100)",
      'invalidValue',
    );
  return candidate;
}

/** A person as a SCIM User resource. */
export function scimUserOf(person: PersonView, location: string): Record<string, unknown> {
  const { entry } = person;
  const enterprise = {
    ...(entry.department ? { department: entry.department } : {}),
    ...(entry.managerId ? { manager: { value: entry.managerId } } : {}),
  };
  const hasEnterprise = Object.keys(enterprise).length > 0;
  return {
    schemas: hasEnterprise ? [SCIM.user, SCIM.enterpriseUser] : [SCIM.user],
    id: person.userId,
    ...(entry.externalId ? { externalId: entry.externalId } : {}),
    userName: entry.userName ?? person.userId,
    ...(entry.givenName || entry.familyName
      ? {
          name: definedOnly({
            givenName: entry.givenName,
            familyName: entry.familyName,
            formatted: joined(entry.givenName, entry.familyName),
          }),
        }
      : {}),
    ...(entry.displayName ? { displayName: entry.displayName } : {}),
    emails: entry.email ? [{ value: entry.email, type: 'work', primary: true }] : [],
    ...(entry.photoUrl ? { photos: [{ value: entry.photoUrl, type: 'photo' }] } : {}),
    ...(entry.jobTitle ? { title: entry.jobTitle } : {}),
    ...(entry.preferredLanguage ? { preferredLanguage: entry.preferredLanguage } : {}),
    ...(entry.timeZone ? { timezone: entry.timeZone } : {}),
    active: person.active,
    ...(hasEnterprise ? { [SCIM.enterpriseUser]: enterprise } : {}),
    meta: {
      resourceType: 'User',
      created: person.createdAt,
      lastModified: person.updatedAt,
      location,
      version: etagOf(person.version),
    },
  };
}

/** The value of the entry of `type` (else the primary one, else the first). */
function preferred(values: z.infer<typeof multiValued> | undefined, type: string): string | undefined {
  const chosen =
    values?.find((v) => v.type?.toLowerCase() === type) ??
    values?.find((v) => v.primary === true || v.primary === 'true' || v.primary === 'True') ??
    values?.[0];
  return typeof chosen?.value === 'string' && chosen.value.trim() !== '' ? chosen.value.trim() : undefined;
}

const joined = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ') || undefined;

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
