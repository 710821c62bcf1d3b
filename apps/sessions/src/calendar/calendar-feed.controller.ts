import { Controller, Get, Header, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, Public, Responds, Roles, ValidatedQuery, type Principal } from '@tandem/auth';
import { z } from 'zod';
import { Clock } from '../infrastructure/clock';
import { ReadModels } from '../infrastructure/read-models';
import type { SessionView } from '../infrastructure/views';
import { RelationshipKnowledge } from '../relationships/relationship-knowledge';
import { CalendarFeeds } from './calendar-feeds';
import { renderCalendar } from './ics-calendar';

const ICS = 'text/calendar; charset=utf-8';
const secretPattern = /^[A-Za-z0-9_-]{20,100}$/;
// A malformed secret is answered like an unknown one (checked below), not with a 400 naming the pattern.
const feedQuery = z.strictObject({ secret: z.string().optional() });

const calendarResponse = z
  .string()
  .describe(
    'An iCalendar (RFC 5545) document: one VEVENT per session, UID the session id, SEQUENCE its changes',
  );

const calendarFeedResponseSchema = z
  .object({
    secret: z
      .string()
      .describe('Shown once: the credential of both feed addresses, until the next rotation')
      .meta({ examples: ['q2Xv9mB1t3r0Zk7YwP5aLs8dE4hN6cJu0fGiKoRp1Tw'] }),
    participantFeedPath: z
      .string()
      .describe('The feed of every session of the caller')
      .meta({
        examples: ['/api/sessions/v1/calendar/q2Xv9mB1t3r0Zk7YwP5aLs8dE4hN6cJu0fGiKoRp1Tw/sessions.ics'],
      }),
    relationshipFeedPath: z.string().describe('The sessions of one relationship: fill in `{relationshipId}`'),
  })
  .describe("The caller's new secret calendar feed addresses");

const feedAddresses = (secret: string): z.output<typeof calendarFeedResponseSchema> => ({
  secret,
  participantFeedPath: `/api/sessions/v1/calendar/${secret}/sessions.ics`,
  relationshipFeedPath: `/api/sessions/v1/relationships/{relationshipId}/calendar.ics?secret=${secret}`,
});

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
  @Responds(calendarFeedResponseSchema)
  async rotate(@CurrentPrincipal() principal: Principal) {
    return feedAddresses(await this.feeds.rotate(principal));
  }

  /** Every session of the secret's owner. */
  @Get('calendar/:secret/sessions.ics')
  @Public()
  @Header('content-type', ICS)
  @Responds(calendarResponse, { mediaType: 'text/calendar', description: "The secret's owner's sessions" })
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
  @Responds(calendarResponse, { mediaType: 'text/calendar', description: "The relationship's sessions" })
  async relationshipFeed(
    @Param('relationshipId') relationshipId: string,
    @ValidatedQuery(feedQuery) { secret }: z.output<typeof feedQuery>,
  ) {
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
