import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { EventStore, handleCommand, type HandledCommand } from '@tandem/eventstore';
import { DomainError } from '@tandem/kernel';
import { participantDecider, type ParticipantState } from '@tandem/matching-domain';
import { documentId, ReadModels, unprojected, written } from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import type { ParticipantView } from '../../infrastructure/views';
import { ProgramAccess, type VisibleProgram } from '../../programs/program-access';
import { ReadModelProjection } from '../../read-models/read-model-projection';
import { checkAnswers } from '../answers-check';
import { enrolCommandOf, profileOf } from '../enrol-command';
import { SetOverallCapacity } from '../mentor-load/set-overall-capacity.handler';
import { participantIdOf } from '../participant-identity';
import type { EnrolBody } from '../participant-schemas';

export class EnrolParticipant {
  constructor(
    readonly principal: Principal,
    readonly programId: string,
    readonly body: EnrolBody,
    /** Set by imports, which have checked the program once for the whole file. */
    readonly program?: VisibleProgram,
  ) {}
}

@CommandHandler(EnrolParticipant)
export class EnrolParticipantHandler implements ICommandHandler<EnrolParticipant, ParticipantView> {
  constructor(
    private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly readModels: ReadModels,
    private readonly access: ProgramAccess,
    private readonly commands: CommandBus,
  ) {}

  async execute({
    principal,
    programId,
    body,
    program: checked,
  }: EnrolParticipant): Promise<ParticipantView> {
    const program = checked ?? (await this.access.visible(principal, programId));
    const byProgramAdmin = this.access.canManage(principal, program);
    const userId = body.userId ?? principal.userId;
    if (userId !== principal.userId && !byProgramAdmin)
      throw new DomainError('admin-only', 'Only a program admin can enrol someone else', 'forbidden');
    checkAnswers(body.profile.answers, program.settings.questions);

    const participantId = participantIdOf(programId, userId);
    const participants = this.readModels.forTenant(principal).participants;
    const _id = documentId(principal.tenantId, participantId);
    const before = await participants.findOne({ _id });
    const enrol = () =>
      handleCommand(this.store, participantDecider, {
        tenantId: principal.tenantId,
        streamId: streams.participant(participantId),
        command: enrolCommandOf(program, participantId, userId, body, byProgramAdmin),
      });
    let handled: HandledCommand<ParticipantState>;
    if (before?.status === 'enrolled') {
      handled = await enrol(); // refused as already enrolled; the profile stays as it is
    } else {
      // The profile is personal data, kept out of events: written first, shown once enrolled.
      const profile = profileOf(body);
      if (before) await participants.updateOne({ _id }, { $set: { profile }, $inc: { _revision: 1 } });
      else
        await participants.insertOne({
          _id,
          participantId,
          programId,
          userId,
          ...unprojected,
          profile,
          enrolledAt: new Date().toISOString(),
        });
      try {
        handled = await enrol();
      } catch (error) {
        // Only a document no event has reached yet: a concurrent enrolment of the same person may have won.
        if (before)
          await participants.updateOne(
            { _id, version: 0 },
            { $set: { profile: before.profile }, $inc: { _revision: 1 } },
          );
        else await participants.deleteOne({ _id, version: 0 });
        throw error;
      }
    }
    await this.projection.applyAppended(handled.events);
    // Kept for older clients: the cap belongs to the person, so it only sets one they do not have yet.
    if (body.overallCapacity !== undefined && handled.events.length > 0)
      await this.commands.execute(
        new SetOverallCapacity(principal, userId, body.overallCapacity, undefined, true),
      );
    return await written(participants.findOne({ _id }));
  }
}
