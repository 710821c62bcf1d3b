import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public, queryOperator } from '@tandem/auth';
import { documentId, ReadModels } from '../../infrastructure/read-model-collections';
import type { DirectoryEntry, PersonView } from '../../infrastructure/views';
import { userNameKey } from '../directory-fields';
import { PeopleDirectory, type DirectoryActor } from '../people-directory';
import { ScimError, ScimErrorFilter } from './scim-error';
import { etagOf, versionInEtag } from './scim-etag';
import { parseScimFilter } from './scim-filter';
import { applyScimPatch, scimPatchBody } from './scim-patch';
import { ScimTokenGuard, type ScimRequest } from './scim-token.guard';
import { SCIM, SCIM_CONTENT_TYPE } from './scim-urns';
import { entryOfScimUser, scimUserOf, userIdOfNewScimUser } from './scim-user';

interface ScimHttpRequest extends ScimRequest {
  readonly protocol: string;
  readonly originalUrl: string;
  get(name: string): string | undefined;
}
interface ScimHttpResponse {
  setHeader(name: string, value: string): void;
}

/** Most people a list answers at once (ServiceProviderConfig says so too). */
export const SCIM_MAX_RESULTS = 200;

/**
 * SCIM 2.0 Users (RFC 7643/7644) for a tenant's identity provider: Okta and Entra ID create,
 * find (`filter=userName eq "…"`), replace, patch and deactivate people here with the tenant's
 * SCIM token. The routes speak SCIM, not the service's own API conventions (errors in the SCIM
 * error format, `application/scim+json`), so they are documented by the SCIM discovery
 * endpoints (`/scim/v2/Schemas`, …) rather than in the OpenAPI document.
 */
@Controller('scim/v2/Users')
@Public()
@ApiExcludeController()
@UseGuards(ScimTokenGuard)
@UseFilters(ScimErrorFilter)
export class ScimUsersController {
  constructor(
    private readonly directory: PeopleDirectory,
    private readonly readModels: ReadModels,
  ) {}

  @Get()
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  async list(
    @Req() request: ScimHttpRequest,
    @Query('filter') filterText?: string,
    @Query('startIndex') startIndexText?: string,
    @Query('count') countText?: string,
  ): Promise<Record<string, unknown>> {
    const { tenantId } = scimOf(request);
    const filter = parseScimFilter(filterText);
    const startIndex = Math.max(1, wholeNumber(startIndexText, 'startIndex') ?? 1);
    const count = Math.min(SCIM_MAX_RESULTS, Math.max(0, wholeNumber(countText, 'count') ?? 100));
    const query = {
      version: queryOperator({ $gt: 0 }),
      scimDeleted: queryOperator({ $ne: true }),
      ...(filter?.attribute === 'userName' ? { userNameKey: userNameKey(filter.value) } : {}),
      ...(filter?.attribute === 'externalId' ? { 'entry.externalId': filter.value } : {}),
      ...(filter?.attribute === 'id' ? { userId: filter.value } : {}),
    };
    const people = this.readModels.forTenant(tenantId).people;
    const [totalResults, page] = await Promise.all([
      people.countDocuments(query),
      count === 0
        ? []
        : people
            .find(query)
            .sort({ userId: 1 })
            .skip(startIndex - 1)
            .limit(count)
            .toArray(),
    ]);
    return {
      schemas: [SCIM.listResponse],
      totalResults,
      startIndex,
      itemsPerPage: page.length,
      Resources: page.map((person) => scimUserOf(person, locationOf(request, person.userId))),
    };
  }

  @Get(':id')
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  async get(
    @Req() request: ScimHttpRequest,
    @Res({ passthrough: true }) response: ScimHttpResponse,
    @Param('id') id: string,
  ): Promise<Record<string, unknown>> {
    return this.answer(request, response, await this.existing(request, id));
  }

  @Post()
  @HttpCode(201)
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  async create(
    @Req() request: ScimHttpRequest,
    @Res({ passthrough: true }) response: ScimHttpResponse,
    @Body() body: unknown,
  ): Promise<Record<string, unknown>> {
    const { entry, active } = entryOfScimUser(body);
    const userId = userIdOfNewScimUser(entry);
    const person = await this.directory.provision(actorOf(request), userId, entry, {
      ...(active === undefined ? {} : { active }),
    });
    response.setHeader('Location', locationOf(request, person.userId));
    return this.answer(request, response, person);
  }

  @Put(':id')
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  async replace(
    @Req() request: ScimHttpRequest,
    @Res({ passthrough: true }) response: ScimHttpResponse,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ): Promise<Record<string, unknown>> {
    const person = await this.existing(request, id);
    return this.replaceWith(request, response, person, body, ifMatch);
  }

  @Patch(':id')
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  async patch(
    @Req() request: ScimHttpRequest,
    @Res({ passthrough: true }) response: ScimHttpResponse,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ): Promise<Record<string, unknown>> {
    const person = await this.existing(request, id);
    const parsed = scimPatchBody.safeParse(body);
    if (!parsed.success)
      throw new ScimError(
        400,
        'The body is not a PatchOp (Operations: [{op, path?, value?}])',
        'invalidSyntax',
      );
    const patched = applyScimPatch(scimUserOf(person, ''), parsed.data);
    return this.replaceWith(request, response, person, patched, ifMatch);
  }

  /** Deactivates the person and hides them from SCIM (404 afterwards); their programs' history stays. */
  @Delete(':id')
  @HttpCode(204)
  async remove(@Req() request: ScimHttpRequest, @Param('id') id: string): Promise<void> {
    const person = await this.existing(request, id);
    await this.directory.removeFromScim(actorOf(request), person.userId);
  }

  private async existing(request: ScimHttpRequest, id: string): Promise<PersonView> {
    const { tenantId } = scimOf(request);
    const person = await this.readModels
      .forTenant(tenantId)
      .people.findOne({ _id: documentId(tenantId, id) });
    if (!person || person.version === 0 || person.scimDeleted)
      throw new ScimError(404, `User ${id} not found`);
    return person;
  }

  /** The person's entry replaced by a SCIM User body (sent by PUT, or the result of a PATCH). */
  private async replaceWith(
    request: ScimHttpRequest,
    response: ScimHttpResponse,
    person: PersonView,
    body: unknown,
    ifMatch: string | undefined,
  ) {
    const { entry: given, active } = entryOfScimUser(body);
    const updated = await this.directory.update(
      actorOf(request),
      person.userId,
      withIdentityKept(person, given),
      {
        ...(active === undefined ? {} : { active }),
        expectedVersion: versionOf(ifMatch) ?? person.version,
      },
    );
    return this.answer(request, response, updated);
  }

  private answer(request: ScimHttpRequest, response: ScimHttpResponse, person: PersonView) {
    response.setHeader('ETag', etagOf(person.version));
    return scimUserOf(person, locationOf(request, person.userId));
  }
}

/**
 * The externalId a person was created with is their user id here: a replacement that leaves it
 * out keeps it (Okta's PUT sends none), and one that changes it is refused.
 */
function withIdentityKept(person: PersonView, entry: DirectoryEntry): DirectoryEntry {
  const identity = person.entry.externalId;
  if (identity === undefined || identity !== person.userId) return entry;
  if (entry.externalId === undefined) return { ...entry, externalId: identity };
  if (entry.externalId !== identity)
    throw new ScimError(400, "externalId is this person's user id here and cannot change", 'mutability');
  return entry;
}

const scimOf = (request: ScimHttpRequest) => {
  if (!request.scim) throw new ScimError(401, 'A valid SCIM bearer token of the tenant is required');
  return request.scim;
};

const actorOf = (request: ScimHttpRequest): DirectoryActor => {
  const { tenantId, tokenId } = scimOf(request);
  return { tenantId, source: 'scim', by: `scim-token:${tokenId}` };
};

/** The resource's absolute URL, under the same prefix the request came in on. */
function locationOf(request: ScimHttpRequest, userId: string): string {
  const path = request.originalUrl.split('?')[0] ?? '';
  const base = path.slice(0, path.search(/\/scim\/v2\/Users/i));
  return `${request.protocol}://${request.get('host') ?? 'localhost'}${base}/scim/v2/Users/${encodeURIComponent(userId)}`;
}

/** The version an `If-Match` names (none for `*` or no header); anything else is refused. */
function versionOf(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  const version = versionInEtag(ifMatch);
  if (version === undefined)
    throw new ScimError(400, 'If-Match must be an ETag this endpoint gave, like W/"3"', 'invalidValue');
  return version;
}

function wholeNumber(text: string | undefined, name: string): number | undefined {
  if (text === undefined || text === '') return undefined;
  if (!/^\d+$/.test(text)) throw new ScimError(400, `${name} must be a whole number`, 'invalidValue');
  return Number(text);
}
