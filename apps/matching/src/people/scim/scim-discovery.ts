import { SCIM } from './scim-urns';

/** RFC 7643 §8.7.1 attribute definitions: only the attributes this endpoint keeps. */
const attribute = (
  name: string,
  options: {
    type?: string;
    multiValued?: boolean;
    required?: boolean;
    caseExact?: boolean;
    mutability?: string;
    uniqueness?: string;
    subAttributes?: unknown[];
  } = {},
) => ({
  name,
  type: options.type ?? 'string',
  multiValued: options.multiValued ?? false,
  required: options.required ?? false,
  caseExact: options.caseExact ?? false,
  mutability: options.mutability ?? 'readWrite',
  returned: 'default',
  uniqueness: options.uniqueness ?? 'none',
  ...(options.subAttributes ? { subAttributes: options.subAttributes } : {}),
});

const typedValues = [attribute('value'), attribute('type'), attribute('primary', { type: 'boolean' })];

export const userSchema = {
  schemas: [SCIM.schema],
  id: SCIM.user,
  name: 'User',
  description: 'A person of the tenant: Tandem keeps these attributes and ignores others it is sent',
  attributes: [
    attribute('id', { mutability: 'readOnly', caseExact: true, uniqueness: 'server' }),
    attribute('userName', { required: true, uniqueness: 'server' }),
    attribute('externalId', { caseExact: true }),
    attribute('name', {
      type: 'complex',
      subAttributes: [attribute('givenName'), attribute('familyName'), attribute('formatted')],
    }),
    attribute('displayName'),
    attribute('emails', { type: 'complex', multiValued: true, subAttributes: typedValues }),
    attribute('photos', { type: 'complex', multiValued: true, subAttributes: typedValues }),
    attribute('title'),
    attribute('preferredLanguage'),
    attribute('timezone'),
    attribute('active', { type: 'boolean' }),
  ],
  meta: { resourceType: 'Schema', location: `/scim/v2/Schemas/${SCIM.user}` },
};

export const enterpriseUserSchema = {
  schemas: [SCIM.schema],
  id: SCIM.enterpriseUser,
  name: 'EnterpriseUser',
  description: 'Enterprise attributes Tandem keeps: department and manager',
  attributes: [
    attribute('department'),
    attribute('manager', { type: 'complex', subAttributes: [attribute('value', { caseExact: true })] }),
  ],
  meta: { resourceType: 'Schema', location: `/scim/v2/Schemas/${SCIM.enterpriseUser}` },
};

export const userResourceType = {
  schemas: [SCIM.resourceType],
  id: 'User',
  name: 'User',
  endpoint: '/Users',
  description: 'People of the tenant',
  schema: SCIM.user,
  schemaExtensions: [{ schema: SCIM.enterpriseUser, required: false }],
  meta: { resourceType: 'ResourceType', location: '/scim/v2/ResourceTypes/User' },
};

export const serviceProviderConfig = (maxResults: number) => ({
  schemas: [SCIM.serviceProviderConfig],
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
  filter: { supported: true, maxResults },
  changePassword: { supported: false },
  sort: { supported: false },
  etag: { supported: true },
  authenticationSchemes: [
    {
      type: 'oauthbearertoken',
      name: 'SCIM bearer token',
      description: 'A token a platform admin of the tenant issues with POST /scim-tokens',
      primary: true,
    },
  ],
  meta: { resourceType: 'ServiceProviderConfig', location: '/scim/v2/ServiceProviderConfig' },
});

export const listOf = (resources: unknown[]) => ({
  schemas: [SCIM.listResponse],
  totalResults: resources.length,
  startIndex: 1,
  itemsPerPage: resources.length,
  Resources: resources,
});
