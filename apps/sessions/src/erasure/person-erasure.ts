import { Injectable } from '@nestjs/common';
import { queryOperator } from '@tandem/auth';
import { ErasureReport, type ErasureOf } from '@tandem/runtime';
import { CalendarFeeds } from '../calendar/calendar-feeds';
import { Clock } from '../infrastructure/clock';
import { ReadModels, type TenantReadModels } from '../infrastructure/read-models';
import { ERASED_TEXT, findErasableData, type ErasableData } from './erasable-data';

/**
 * This service's part of an erasure request (README, Erasure). Every step is idempotent and they
 * run in this order, so a redelivery after a crash anywhere completes it: find the texts, shred
 * stored answers quoting them (while they can still be found), erase, report.
 */
@Injectable()
export class PersonErasure {
  constructor(
    private readonly readModels: ReadModels,
    private readonly feeds: CalendarFeeds,
    private readonly erasureReport: ErasureReport,
    private readonly clock: Clock,
  ) {}

  async erase(erasure: ErasureOf): Promise<void> {
    const models = this.readModels.forTenant(erasure.tenantId);
    const found = await findErasableData(models, erasure.userId);
    await this.erasureReport.shredStoredAnswers(erasure, found.texts);
    await eraseTexts(models, erasure.userId, found);
    await this.feeds.erase(erasure.tenantId, erasure.userId);
    await this.erasureReport.report(erasure, 'sessions.person.erased', this.clock.now());
  }
}

/**
 * Deletes what may go (notes are deletable, comments optional) and overwrites required texts with
 * the marker; ratings, statuses, durations and dates stay. Other people's texts are untouched.
 */
async function eraseTexts(models: TenantReadModels, userId: string, found: ErasableData): Promise<void> {
  await Promise.all([
    models.notes.deleteMany({ authorId: userId }),
    models.feedback.deleteMany({ participantId: userId }),
    models.sessionDetails.updateMany(
      { 'agenda.addedBy': userId },
      { $set: { 'agenda.$[own].text': ERASED_TEXT } },
      { arrayFilters: [{ 'own.addedBy': userId }] },
    ),
    models.actionItemTexts.updateMany(
      { _id: queryOperator({ $in: [...found.actionItemTextIds] }) },
      { $set: { text: ERASED_TEXT } },
    ),
    // Where a session of theirs took place may name their home or office: it goes for both parties.
    models.sessionDetails.updateMany(
      { _id: queryOperator({ $in: [...found.memberSessionIds] }) },
      { $unset: { location: '' } },
    ),
  ]);
}
