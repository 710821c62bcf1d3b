import { Controller, ForbiddenException, Get, Param } from '@nestjs/common';
import { CurrentPrincipal, paginate, Responds, Roles, ValidatedQuery, type Principal } from '@tandem/auth';
import { EventStore } from '@tandem/eventstore';
import { streams } from '../infrastructure/streams';
import { ProgramAccess } from '../programs/program-access';
import { RelationshipAccess } from '../relationships/relationship-access';
import { historyEntryOf, historyPageSchema, historyQuery, type HistoryQuery } from './history-entry';

/**
 * Who changed what, and when: a program's settings, weights and rules, and a relationship's way
 * from proposal to end, read from the event store (each stream is one resource's whole history),
 * oldest first, for the program's admins.
 */
@Controller()
@Roles('program-admin')
export class AuditTrailController {
  constructor(
    private readonly store: EventStore,
    private readonly programs: ProgramAccess,
    private readonly relationships: RelationshipAccess,
  ) {}

  @Get('programs/:programId/history')
  @Responds(historyPageSchema)
  async program(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @ValidatedQuery(historyQuery) query: HistoryQuery,
  ) {
    await this.programs.managed(principal, programId);
    return this.history(principal, streams.program(programId), query);
  }

  @Get('relationships/:relationshipId/history')
  @Responds(historyPageSchema)
  async relationship(
    @CurrentPrincipal() principal: Principal,
    @Param('relationshipId') relationshipId: string,
    @ValidatedQuery(historyQuery) query: HistoryQuery,
  ) {
    const { asAdmin } = await this.relationships.visible(principal, relationshipId);
    if (!asAdmin) throw new ForbiddenException("Only the program's admins read a relationship's history");
    return this.history(principal, streams.relationship(relationshipId), query);
  }

  private async history(principal: Principal, streamId: string, query: HistoryQuery) {
    const { events } = await this.store.readStream(principal.tenantId, streamId);
    return paginate(events.map(historyEntryOf), query, (entry) => [entry.version]);
  }
}
