import { ScimError } from './scim-error';

/** What a list may be filtered by: the attributes Okta and Entra ID look people up with. */
export type ScimUserFilter = { readonly attribute: 'userName' | 'externalId' | 'id'; readonly value: string };

const FILTERABLE: Readonly<Record<string, ScimUserFilter['attribute']>> = {
  username: 'userName',
  externalid: 'externalId',
  id: 'id',
};
const EQUALS = /^\s*([A-Za-z][\w.$:-]*)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i;

/** `userName eq "bjensen@example.com"` (and externalId, id); anything else is refused with invalidFilter. */
export function parseScimFilter(filter: string | undefined): ScimUserFilter | undefined {
  if (filter === undefined || filter.trim() === '') return undefined;
  const match = EQUALS.exec(filter);
  const attribute =
    match &&
    FILTERABLE[(match[1] ?? '').replace(/^urn:ietf:params:scim:schemas:core:2\.0:User:/i, '').toLowerCase()];
  if (!match || !attribute)
    throw new ScimError(
      400,
      `filter "${filter}": supported are userName, externalId and id with eq`,
      'invalidFilter',
    );
  return { attribute, value: (match[2] ?? '').replace(/\\(.)/g, '$1') };
}
