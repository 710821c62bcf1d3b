import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { EventStore, handleCommand } from '@tandem/eventstore';
import { DomainError } from '@tandem/kernel';
import { participantDecider } from '@tandem/matching-domain';
import type { z } from 'zod';
import { documentId, ReadModels, written } from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import type { ParticipantView } from '../../infrastructure/views';
import { ProgramAccess } from '../../programs/program-access';
import { ReadModelProjection } from '../../read-models/read-model-projection';
import { checkAnswers } from '../answers-check';
import { facetCode } from '../participant-identity';
import type { profileUpdateBody } from '../participant-schemas';

export type ProfileChanges = z.infer<typeof profileUpdateBody>['profile'];

export class UpdateProfile {
  constructor(
    readonly principal: Principal,
    readonly programId: string,
    readonly participantId: string,
    readonly changes: ProfileChanges,
    readonly expectedVersion: number | undefined,
  ) {}
}

/**
 * A participant edits their own profile (a program admin anyone's). The event names the fields
 * that changed and the new directory facets; the values themselves stay in this service.
 */
@CommandHandler(UpdateProfile)
export class UpdateProfileHandler implements ICommandHandler<UpdateProfile, ParticipantView> {
  constructor(
    private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly readModels: ReadModels,
    private readonly access: ProgramAccess,
  ) {}

  async execute({
    principal,
    programId,
    participantId,
    changes,
    expectedVersion,
  }: UpdateProfile): Promise<ParticipantView> {
    const program = await this.access.visible(principal, programId);
    const participants = this.readModels.forTenant(principal).participants;
    const _id = documentId(principal.tenantId, participantId);
    const participant = await participants.findOne({ _id, programId });
    if (
      !participant ||
      participant.version === 0 ||
      (participant.userId !== principal.userId && !this.access.canManage(principal, program))
    ) {
      throw new DomainError('participant-not-found', 'Participant not found', 'not-found');
    }
    if (changes.answers) checkAnswers(changes.answers, program.settings.questions);
    const { demographicsConsent, ...fields } = changes;
    const profile = {
      ...participant.profile,
      ...fields,
      ...(demographicsConsent === false ? { demographics: undefined } : {}),
    };
    const changedFields = Object.keys(changes).filter(
      (key) =>
        JSON.stringify(changes[key as keyof typeof changes]) !==
        JSON.stringify(participant.profile[key as keyof typeof participant.profile]),
    );
    const facets = {
      ...(facetCode(profile.department) ? { department: facetCode(profile.department) } : {}),
      ...(profile.level === undefined ? {} : { level: String(profile.level) }),
      ...(facetCode(profile.location) ? { location: facetCode(profile.location) } : {}),
    };
    // The event is the decision (enrolled, not withdrawn); the new values follow it.
    const handled = await handleCommand(this.store, participantDecider, {
      tenantId: principal.tenantId,
      streamId: streams.participant(participantId),
      command: { type: 'update-profile', changedFields: changedFields.map(toCode), facets },
      expectedVersion,
    });
    await this.projection.applyAppended(handled.events);
    if (changedFields.length > 0)
      await participants.updateOne({ _id }, { $set: { profile }, $inc: { _revision: 1 } });
    return await written(participants.findOne({ _id }));
  }
}

const toCode = (field: string) => field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
