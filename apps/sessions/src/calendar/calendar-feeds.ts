import { createHash, randomBytes } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { isRole, type Principal } from '@tandem/auth';
import { Clock } from '../infrastructure/clock';
import { ReadModels } from '../infrastructure/read-models';
import type { CalendarFeedView } from '../infrastructure/views';

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Per-person secret feed addresses: calendars cannot send a bearer token, so the address is the credential. */
@Injectable()
export class CalendarFeeds {
  constructor(
    private readonly readModels: ReadModels,
    private readonly clock: Clock,
  ) {}

  /** Issues a new secret and revokes the caller's previous one (rotation after a leak). */
  async rotate(principal: Principal): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    const feeds = this.readModels.forTenant(principal).calendarFeeds;
    await feeds.deleteMany({ userId: principal.userId });
    await feeds.insertOne({
      _id: hashOf(secret),
      userId: principal.userId,
      roles: [...principal.roles],
      createdAt: this.clock.now().toISOString(),
    });
    return secret;
  }

  /** The person a secret belongs to, as a principal of their tenant; an unknown or revoked secret is a 404. */
  async principalOf(secret: string): Promise<Principal> {
    const feed = await this.readModels
      .raw<CalendarFeedView>('calendar_feeds')
      .findOne({ _id: hashOf(secret) });
    if (!feed) throw new NotFoundException('Calendar not found');
    return { tenantId: feed.tenantId, userId: feed.userId, roles: feed.roles.filter(isRole) };
  }
}
