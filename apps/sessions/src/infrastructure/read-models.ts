import { Injectable } from '@nestjs/common';
import { tenantScoped, type Principal, type TenantOwned } from '@tandem/auth';
import type { ProjectedDocument } from '@tandem/messaging';
import { MongoConnection } from '@tandem/runtime';
import type { Collection, Document } from 'mongodb';
import type {
  ActionItemTextView,
  CalendarFeedView,
  FeedbackView,
  GoalView,
  NoteView,
  OverdueNoticeView,
  ProgramFactsView,
  RelationshipFactsView,
  SessionDetailsView,
  SessionView,
} from './views';

/** `_id` of a document: tenant first, so ids can never collide across tenants. */
export const documentId = (tenantId: string, id: string): string => `${tenantId}/${id}`;

/**
 * The projected session read model carries a version suffix: when its logic changes it is written to
 * a new collection, rebuilt from the topic (STYLE.md, rebuildable projections).
 */
export const SESSIONS_VIEW = 'sessions_v2';

/** Version 2 keeps one document per person (`_id` tenant/user) holding the hash of their one valid secret. */
export const CALENDAR_FEEDS = 'calendar_feeds_v2';
/** Version 1 kept one document per secret (`_id` its hash); its feeds move to version 2 at start. */
export const CALENDAR_FEEDS_V1 = 'calendar_feeds';

export type CollectionName =
  | typeof SESSIONS_VIEW
  | 'session_details'
  | 'relationships'
  | 'programs'
  | 'goals'
  | 'notes'
  | 'action_item_texts'
  | 'feedback'
  | typeof CALENDAR_FEEDS
  | typeof CALENDAR_FEEDS_V1
  | 'overdue_notices';

export type StoredSessionView = ProjectedDocument<SessionView>;

/** The service's collections; request handlers go through `forTenant`, which scopes every query to the caller's tenant. */
@Injectable()
export class ReadModels {
  constructor(private readonly mongo: MongoConnection) {}

  raw<T extends Document>(name: CollectionName): Collection<T> {
    return this.mongo.db.collection<T>(name);
  }

  forTenant(tenant: string | Principal) {
    const tenantId = typeof tenant === 'string' ? tenant : tenant.tenantId;
    const scoped = <T extends TenantOwned>(name: CollectionName) =>
      tenantScoped<T>(this.raw<T>(name), tenantId);
    return {
      tenantId,
      sessions: scoped<StoredSessionView>(SESSIONS_VIEW),
      sessionDetails: scoped<SessionDetailsView>('session_details'),
      relationships: scoped<RelationshipFactsView>('relationships'),
      programs: scoped<ProgramFactsView>('programs'),
      goals: scoped<GoalView>('goals'),
      notes: scoped<NoteView>('notes'),
      actionItemTexts: scoped<ActionItemTextView>('action_item_texts'),
      feedback: scoped<FeedbackView>('feedback'),
      overdueNotices: scoped<OverdueNoticeView>('overdue_notices'),
      calendarFeeds: scoped<CalendarFeedView>(CALENDAR_FEEDS),
    };
  }
}

export type TenantReadModels = ReturnType<ReadModels['forTenant']>;
