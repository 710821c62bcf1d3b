import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import {
  CurrentPrincipal,
  hasAnyRole,
  queryOperator,
  Responds,
  Roles,
  ValidatedQuery,
  type Principal,
} from '@tandem/auth';
import { z } from 'zod';
import { documentId, ReadModels } from '../infrastructure/read-model-collections';
import type { PersonView } from '../infrastructure/views';

const personSchema = z.object({
  userId: z.string(),
  displayName: z.string().optional(),
  givenName: z.string().optional(),
  familyName: z.string().optional(),
  photoUrl: z.string().optional(),
  jobTitle: z.string().optional(),
  department: z.string().optional(),
  preferredLanguage: z.string().optional(),
  timeZone: z.string().optional(),
  email: z.string().optional().describe('Admins only'),
  managerId: z.string().optional().describe('Admins only: the manager’s user id'),
  active: z.boolean(),
});
type PersonResponse = z.output<typeof personSchema>;
const peopleSchema = z.object({ items: z.array(personSchema) });
const peopleQuery = z.strictObject({
  userIds: z
    .string()
    .transform((value) => [
      ...new Set(
        value
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string()).min(1).max(100))
    .describe('Comma-separated user ids, at most 100'),
});

/**
 * Who is who in the tenant, for screens: any signed-in person reads names, photos and job titles;
 * e-mail addresses and managers only admins.
 */
@Controller('people')
@Roles('participant', 'program-admin', 'platform-admin', 'analyst')
export class PeopleController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @Responds(peopleSchema)
  async list(
    @CurrentPrincipal() principal: Principal,
    @ValidatedQuery(peopleQuery) { userIds }: z.output<typeof peopleQuery>,
  ): Promise<z.output<typeof peopleSchema>> {
    const people = await this.readModels
      .forTenant(principal)
      .people.find({ userId: queryOperator({ $in: userIds }), version: queryOperator({ $gt: 0 }) })
      .sort({ userId: 1 })
      .toArray();
    return {
      items: people
        .filter((person) => !person.erasedAt)
        .map((person) => personResponse(person, isAdmin(principal))),
    };
  }

  @Get(':userId')
  @Responds(personSchema)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('userId') userId: string,
  ): Promise<PersonResponse> {
    const person = await this.readModels
      .forTenant(principal)
      .people.findOne({ _id: documentId(principal.tenantId, userId) });
    if (!person || person.version === 0 || person.erasedAt) throw new NotFoundException('Person not found');
    return personResponse(person, isAdmin(principal));
  }
}

const isAdmin = (principal: Principal) => hasAnyRole(principal, ['program-admin', 'platform-admin']);

function personResponse(person: PersonView, admin: boolean): PersonResponse {
  const { email, managerId, userName: _login, externalId: _external, ...shown } = person.entry;
  return {
    userId: person.userId,
    ...shown,
    ...(admin && email ? { email } : {}),
    ...(admin && managerId ? { managerId } : {}),
    active: person.active,
  };
}
