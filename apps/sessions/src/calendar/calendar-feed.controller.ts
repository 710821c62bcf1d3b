import { Controller, Get, Header, Param, Post, Query } from '@nestjs/common';
import { CurrentPrincipal, Public, Roles, type Principal } from '@tandem/auth';
import { Clock } from '../infrastructure/clock';
import { ReadModels } from '../infrastructure/read-models';
import type { SessionView } from '../infrastructure/views';
import { RelationshipKnowledge } from '../relationships/relationship-knowledge';
import { CalendarFeeds } from './calendar-feeds';
import { renderCalendar } from './ics-calendar';

const ICS = 'text/calendar; charset=utf-8';
const secretPattern = /^[A-Za-z0-9_-]{20,100}$/;

@Controller()
export class CalendarFeedController {
  constructor(
    private readonly feeds: CalendarFeeds,
    private readonly knowledge: RelationshipKnowledge,
    private readonly readModels: ReadModels,
    private readonly clock: Clock,
  ) {}

  /** A new secret feed address for the caller; the previous one stops working. */
  @Post('calendar-feeds')
  @Roles('program-admin', 'participant')
  async rotate(@CurrentPrincipal() principal: Principal) {
    const secret = await this.feeds.rotate(principal);
    return {
      secret,
      participantFeedPath: `/api/sessions/v1/calendar/${secret}/sessions.ics`,
      relationshipFeedPath: `/api/sessions/v1/relationships/{relationshipId}/calendar.ics?secret=${secret}`,
    };
  }

  /** Every session of the secret's owner. */
  @Get('calendar/:secret/sessions.ics')
  @Public()
  @Header('content-type', ICS)
  async participantFeed(@Param('secret') secret: string) {
    const principal = await this.feeds.principalOf(this.checked(secret));
    const sessions = await this.readModels
      .forTenant(principal)
      .sessions.find({ memberIds: principal.userId })
      .toArray();
    return this.render('Mentoring sessions', sessions);
  }

  /** The sessions of one relationship, for its members and its program's admins. */
  @Get('relationships/:relationshipId/calendar.ics')
  @Public()
  @Header('content-type', ICS)
  async relationshipFeed(@Param('relationshipId') relationshipId: string, @Query('secret') secret: unknown) {
    const principal = await this.feeds.principalOf(this.checked(secret));
    await this.knowledge.visible(principal, relationshipId); // 404 unless the owner may see it
    const sessions = await this.readModels.forTenant(principal).sessions.find({ relationshipId }).toArray();
    return this.render('Mentoring relationship', sessions);
  }

  private checked(secret: unknown): string {
    if (typeof secret !== 'string' || !secretPattern.test(secret)) return 'invalid';
    return secret;
  }

  private render(name: string, sessions: SessionView[]): string {
    const ordered = [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    return renderCalendar(name, ordered, this.clock.now());
  }
}
