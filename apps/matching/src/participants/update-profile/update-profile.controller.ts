import { Body, Controller, NotFoundException, Param, Patch } from '@nestjs/common';
import { CurrentPrincipal, parseBody, Roles, type Principal } from '@tandem/auth';
import { AggregateStore } from '../../infrastructure/aggregate-store';
import { documentId, ReadModels, written } from '../../infrastructure/read-model-collections';
import { ProgramAccess } from '../../programs/program-access';
import { checkAnswers } from '../answers-check';
import { facetCode } from '../participant-identity';
import { participantResponse } from '../participant-response';
import { profileUpdateBody } from '../participant-schemas';

/**
 * A participant edits their own profile (a program admin anyone's). The event names the fields
 * that changed and the new directory facets; the values themselves stay in this service.
 */
@Controller('programs/:programId/participants/:participantId')
@Roles('program-admin', 'participant')
export class UpdateProfileController {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly readModels: ReadModels,
    private readonly access: ProgramAccess,
  ) {}

  @Patch()
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Param('participantId') participantId: string,
    @Body() raw: unknown,
  ) {
    const program = await this.access.visible(principal, programId);
    const participants = this.readModels.forTenant(principal).participants;
    const _id = documentId(principal.tenantId, participantId);
    const participant = await participants.findOne({ _id, programId });
    if (
      !participant ||
      participant.version === 0 ||
      (participant.userId !== principal.userId && !this.access.canManage(principal, program))
    ) {
      throw new NotFoundException('Participant not found');
    }
    const { profile: changes } = parseBody(profileUpdateBody, raw);
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
    await this.aggregates.execute('participant', {
      tenantId: principal.tenantId,
      id: participantId,
      command: { type: 'update-profile', changedFields: changedFields.map(toCode), facets },
    });
    if (changedFields.length > 0) await participants.updateOne({ _id }, { $set: { profile } });
    return participantResponse(await written(participants.findOne({ _id })));
  }
}

const toCode = (field: string) => field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
