import { ForbiddenException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { AggregateStore } from '../../infrastructure/aggregate-store';
import { documentId, ReadModels, written } from '../../infrastructure/read-model-collections';
import type { ParticipantView } from '../../infrastructure/views';
import { ProgramAccess, type VisibleProgram } from '../../programs/program-access';
import { checkAnswers } from '../answers-check';
import { facetCode, participantIdOf } from '../participant-identity';
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
    private readonly aggregates: AggregateStore,
    private readonly readModels: ReadModels,
    private readonly access: ProgramAccess,
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
      throw new ForbiddenException('Only a program admin can enrol someone else');
    checkAnswers(body.profile.answers, program.settings.questions);

    const participantId = participantIdOf(programId, userId);
    const participants = this.readModels.forTenant(principal).participants;
    const _id = documentId(principal.tenantId, participantId);
    const before = await participants.findOne({ _id });
    const { demographicsConsent, ...profileFields } = body.profile;
    const profile = {
      ...profileFields,
      ...(demographicsConsent ? {} : { demographics: undefined }),
      ...(body.overallCapacity ? { overallCapacity: body.overallCapacity } : {}),
    };
    // The profile is personal data, kept out of events; written first, shown once enrolled.
    if (before) {
      if (before.status === 'enrolled')
        return this.enrol(principal, program, participantId, userId, body, byProgramAdmin);
      await participants.updateOne({ _id }, { $set: { profile } });
    } else {
      await participants.insertOne({
        _id,
        participantId,
        programId,
        userId,
        version: 0,
        profile,
        enrolledAt: new Date().toISOString(),
      });
    }
    try {
      return await this.enrol(principal, program, participantId, userId, body, byProgramAdmin);
    } catch (error) {
      if (before) await participants.updateOne({ _id }, { $set: { profile: before.profile } });
      else await participants.deleteOne({ _id });
      throw error;
    }
  }

  private async enrol(
    principal: Principal,
    program: VisibleProgram,
    participantId: string,
    userId: string,
    body: EnrolBody,
    byProgramAdmin: boolean,
  ) {
    const { department, level, location } = body.profile;
    const facets = {
      ...(facetCode(department) ? { department: facetCode(department) } : {}),
      ...(level === undefined ? {} : { level: String(level) }),
      ...(facetCode(location) ? { location: facetCode(location) } : {}),
    };
    await this.aggregates.execute('participant', {
      tenantId: principal.tenantId,
      id: participantId,
      command: {
        type: 'enrol',
        participantId,
        programId: program.programId,
        userId,
        roles: body.roles,
        ...(body.capacity === undefined ? {} : { capacity: body.capacity }),
        facets,
        program: {
          status: program.status,
          programType: program.programType,
          defaultMentorCapacity: program.settings.maxGroupSize ?? program.settings.defaultMentorCapacity,
        },
        byProgramAdmin,
      },
    });
    return await written(
      this.readModels
        .forTenant(principal)
        .participants.findOne({ _id: documentId(principal.tenantId, participantId) }),
    );
  }
}
