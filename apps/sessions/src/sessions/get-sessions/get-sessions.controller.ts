import { Controller, Get, Param, Res } from '@nestjs/common';
import { CurrentPrincipal, Roles, ValidatedQuery, type Principal } from '@tandem/auth';
import { Clock } from '../../infrastructure/clock';
import { SessionAccess } from '../session-access';
import { ReadModels } from '../../infrastructure/read-models';
import { sessionResponse, sessionResponses } from '../session-response';
import { listSessionsQuery, type ListSessionsQuery } from '../session-schemas';
import { SessionQueries } from './session-queries';

@Controller('sessions')
@Roles('program-admin', 'participant')
export class GetSessionsController {
  constructor(
    private readonly queries: SessionQueries,
    private readonly access: SessionAccess,
    private readonly clock: Clock,
    private readonly readModels: ReadModels,
  ) {}

  /** Sessions of a relationship or a participant (default: your own), `when=upcoming|past|all`. */
  @Get()
  async list(
    @CurrentPrincipal() principal: Principal,
    @ValidatedQuery(listSessionsQuery) query: ListSessionsQuery,
  ) {
    const sessions = await this.queries.list(principal, query, this.clock.now());
    return { items: await sessionResponses(this.readModels.forTenant(principal), sessions) };
  }

  /** The ETag is the session's stream version: send it back as If-Match when rescheduling. */
  @Get(':sessionId')
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('sessionId') sessionId: string,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ) {
    const { session } = await this.access.visible(principal, sessionId);
    const details = await this.readModels.forTenant(principal).sessionDetails.findOne({ _id: session._id });
    response.setHeader('ETag', `"${session.version}"`);
    return sessionResponse(session, details);
  }
}
