import { createHash, randomBytes } from 'node:crypto';
import {
  ForbiddenException,
  Injectable,
  Logger,
  NotFoundException,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { isRole, queryOperator, type Principal } from '@tandem/auth';
import { Clock } from '../infrastructure/clock';
import { CALENDAR_FEEDS, CALENDAR_FEEDS_V1, documentId, ReadModels } from '../infrastructure/read-models';
import type { CalendarFeedView } from '../infrastructure/views';

/** A version 1 feed: one document per secret, `_id` the secret's SHA-256. */
interface VersionOneFeed {
  _id: string;
  tenantId: string;
  userId: string;
  roles: string[];
  createdAt: string;
}

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * Per-person secret feed addresses: calendars cannot send a bearer token, so the address is the
 * credential. One document per person holds the hash of their one valid secret.
 */
@Injectable()
export class CalendarFeeds implements OnApplicationBootstrap {
  constructor(
    private readonly readModels: ReadModels,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.readModels
      .raw<CalendarFeedView>(CALENDAR_FEEDS)
      .createIndex({ secretHash: 1 }, { unique: true })
      .then(() => this.moveVersionOneFeeds())
      .catch((error: Error) => new Logger('CalendarFeeds').warn(`feeds not prepared: ${error.message}`));
  }

  /**
   * Feed addresses issued before version 2 keep working: each person's newest secret becomes their
   * one secret unless they rotated since; then the old collection goes. Safe to run on every start
   * and on several replicas at once (inserts only, a lost race is skipped).
   */
  async moveVersionOneFeeds(): Promise<number> {
    const old = this.readModels.raw<VersionOneFeed>(CALENDAR_FEEDS_V1);
    const feeds = this.readModels.raw<CalendarFeedView>(CALENDAR_FEEDS);
    let moved = 0;
    for (const feed of await old.find().sort({ createdAt: -1 }).toArray()) {
      try {
        const result = await feeds.updateOne(
          { _id: documentId(feed.tenantId, feed.userId) },
          {
            $setOnInsert: {
              tenantId: feed.tenantId,
              userId: feed.userId,
              secretHash: feed._id,
              roles: feed.roles,
              createdAt: feed.createdAt,
            },
          },
          { upsert: true },
        );
        moved += result.upsertedCount;
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
      }
    }
    await old.drop().catch(() => undefined); // absent already: nothing to move
    return moved;
  }

  /**
   * Issues a new secret and revokes the caller's previous one (rotation after a leak). One atomic
   * upsert replaces the hash, so parallel rotations leave exactly one valid secret: the last one.
   */
  async rotate(principal: Principal): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    const feeds = this.readModels.forTenant(principal).calendarFeeds;
    // A deactivated person's document does not match: the upsert then fails as a duplicate.
    const replace = () =>
      feeds.updateOne(
        { _id: documentId(principal.tenantId, principal.userId), deactivated: queryOperator({ $ne: true }) },
        {
          $set: {
            userId: principal.userId,
            secretHash: hashOf(secret),
            roles: [...principal.roles],
            createdAt: this.clock.now().toISOString(),
          },
        },
        { upsert: true },
      );
    try {
      await replace();
    } catch (error) {
      // Two first rotations may both try to insert; the loser's retry is then a plain update.
      if ((error as { code?: number }).code !== 11000) throw error;
      try {
        await replace();
      } catch (again) {
        if ((again as { code?: number }).code !== 11000) throw again;
        throw new ForbiddenException('The person was deactivated: no calendar feed is issued');
      }
    }
    return secret;
  }

  /**
   * The person was deactivated in the directory (`matching.person.deactivated`): their secret
   * stops working at once, and none is issued until they are reactivated. Idempotent.
   */
  async deactivate(tenantId: string, userId: string): Promise<void> {
    await this.readModels.forTenant(tenantId).calendarFeeds.updateOne(
      { _id: documentId(tenantId, userId) },
      {
        $set: {
          userId,
          deactivated: true,
          // No secret hashes to this: a fresh random value keeps the unique index satisfied.
          secretHash: `deactivated:${randomBytes(16).toString('hex')}`,
          roles: [],
          createdAt: this.clock.now().toISOString(),
        },
      },
      { upsert: true },
    );
  }

  /**
   * Erasure: the person's feed keeps no secret hash and no roles, and stays deactivated like a
   * person deactivated in the directory, so no new address is issued to them. Nothing is created for
   * someone who never had a feed; a leftover version 1 document goes too. Idempotent.
   */
  async erase(tenantId: string, userId: string): Promise<void> {
    await this.readModels.raw<VersionOneFeed>(CALENDAR_FEEDS_V1).deleteMany({ tenantId, userId });
    await this.readModels.forTenant(tenantId).calendarFeeds.updateOne(
      { _id: documentId(tenantId, userId) },
      {
        $set: {
          deactivated: true,
          secretHash: `erased:${randomBytes(16).toString('hex')}`,
          roles: [],
        },
      },
    );
  }

  /** Reactivated: they may ask for a new feed address (the old one stays dead). */
  async reactivate(tenantId: string, userId: string): Promise<void> {
    await this.readModels
      .forTenant(tenantId)
      .calendarFeeds.updateOne({ _id: documentId(tenantId, userId) }, { $unset: { deactivated: '' } });
  }

  /** The person a secret belongs to, as a principal of their tenant; an unknown or revoked secret is a 404. */
  async principalOf(secret: string): Promise<Principal> {
    const feed = await this.readModels
      .raw<CalendarFeedView>(CALENDAR_FEEDS)
      .findOne({ secretHash: hashOf(secret) });
    if (!feed || feed.deactivated) throw new NotFoundException('Calendar not found');
    return { tenantId: feed.tenantId, userId: feed.userId, roles: feed.roles.filter(isRole) };
  }
}
