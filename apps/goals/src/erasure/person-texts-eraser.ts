import { Injectable } from '@nestjs/common';
import { ErasureReport, type ErasureOf } from '@tandem/runtime';
import { Clock } from '../infrastructure/clock';
import { ReadModels } from '../infrastructure/read-model-collections';
import { partyGoalsOf } from '../personal-data/party-goals';
import { erasableTexts, textErasureOf } from './goal-text-erasure';

/**
 * The goals service's part of a person's erasure. The steps run in the order that lets a
 * redelivery after a crash anywhere finish the job: read the texts, shred stored answers quoting
 * them (while they can still be found), overwrite them with the marker, report. Each step is
 * idempotent; figures, statuses, dates and ids stay for analytics, and published templates are
 * the organisation's content.
 */
@Injectable()
export class PersonTextsEraser {
  constructor(
    private readonly readModels: ReadModels,
    private readonly reports: ErasureReport,
    private readonly clock: Clock,
  ) {}

  async erase(erasure: ErasureOf): Promise<void> {
    const { userId } = erasure;
    const models = this.readModels.forTenant(erasure.tenantId);
    const { goals, textsOf } = await partyGoalsOf(models, userId);
    const perGoal = goals.flatMap((goal) => {
      const texts = textsOf.get(goal._id);
      const owned = goal.ownerId === userId;
      const change = texts && textErasureOf(userId, owned, texts);
      return texts && change
        ? [{ _id: goal._id, erasable: erasableTexts(userId, owned, texts), change }]
        : [];
    });
    await this.reports.shredStoredAnswers(
      erasure,
      perGoal.flatMap(({ erasable }) => erasable),
    );
    await Promise.all(
      perGoal.map(({ _id, change }) =>
        models.goalTexts.updateOne({ _id }, change.update, { arrayFilters: [...change.arrayFilters] }),
      ),
    );
    await this.reports.report(erasure, 'goals.person.erased', new Date(this.clock.now()));
  }
}
