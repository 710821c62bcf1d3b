import { Controller, Get, Param } from '@nestjs/common';
import { CurrentPrincipal, pageOf, Responds, Roles, ValidatedQuery, type Principal } from '@tandem/auth';
import { ForwardedAuthorization, PeopleDirectoryClient, peopleNamesSchema } from '@tandem/runtime';
import type { z } from 'zod';
import { Clock } from '../../infrastructure/clock';
import { SessionAccess } from '../session-access';
import { ReadModels } from '../../infrastructure/read-models';
import { sessionResponse, sessionResponses, sessionResponseSchema } from '../session-response';
import { listSessionsQuery, type ListSessionsQuery } from '../session-schemas';
import { SessionQueries } from './session-queries';

const sessionPage = pageOf(sessionResponseSchema).extend({ people: peopleNamesSchema.optional() });

@Controller('sessions')
@Roles('program-admin', 'participant')
export class GetSessionsController {
  constructor(
    private readonly queries: SessionQueries,
    private readonly access: SessionAccess,
    private readonly clock: Clock,
    private readonly readModels: ReadModels,
    private readonly directory: PeopleDirectoryClient,
  ) {}

  /** Sessions of a relationship or a participant (default: your own), `when=upcoming|past|all`. */
  @Get()
  @Responds(sessionPage, {
    description:
      'A page of sessions by start, newest first for `when=past`; with `include=people`, the members’ names',
    errors: [503],
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @ValidatedQuery(listSessionsQuery) query: ListSessionsQuery,
    @ForwardedAuthorization() authorization?: string,
  ): Promise<z.output<typeof sessionPage>> {
    const { items, nextCursor } = await this.queries.list(principal, query, this.clock.now());
    const responses = await sessionResponses(this.readModels.forTenant(principal), items);
    const page = nextCursor === undefined ? { items: responses } : { items: responses, nextCursor };
    if (query.include !== 'people') return page;
    return {
      ...page,
      people: await this.directory.names(
        authorization,
        responses.flatMap((s) => s.memberIds),
      ),
    };
  }

  /** The ETag (set from `version`) is the session's stream version: send it back as If-Match on a change. */
  @Get(':sessionId')
  @Responds(sessionResponseSchema)
  async get(@CurrentPrincipal() principal: Principal, @Param('sessionId') sessionId: string) {
    const { session } = await this.access.visible(principal, sessionId);
    const details = await this.readModels.forTenant(principal).sessionDetails.findOne({ _id: session._id });
    return sessionResponse(session, details);
  }
}
