import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { EventStore, handleCommand } from '@tandem/eventstore';
import { programDecider, type ProgramSettings } from '@tandem/matching-domain';
import { documentId, ReadModels, written } from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import type { ProgramView } from '../../infrastructure/views';
import { ReadModelProjection } from '../../read-models/read-model-projection';
import { ProgramAccess } from '../program-access';
import type { UpdateProgramBody } from '../program-schemas';
import { splitQuestionLabels } from '../question-labels';

export class UpdateProgram {
  constructor(
    readonly principal: Principal,
    readonly programId: string,
    readonly body: UpdateProgramBody,
    readonly expectedVersion: number | undefined,
  ) {}
}

@CommandHandler(UpdateProgram)
export class UpdateProgramHandler implements ICommandHandler<UpdateProgram, ProgramView> {
  constructor(
    private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly readModels: ReadModels,
    private readonly access: ProgramAccess,
  ) {}

  async execute({ principal, programId, body, expectedVersion }: UpdateProgram): Promise<ProgramView> {
    const program = await this.access.managed(principal, programId);
    const { questions, questionLabels } = splitQuestionLabels(body.settings?.questions ?? []);
    const changes = {
      ...body.settings,
      ...(body.settings?.questions ? { questions } : {}),
    } as Partial<ProgramSettings>;
    if (changes.adminIds)
      changes.adminIds = [...new Set([...program.settings.adminIds.slice(0, 1), ...changes.adminIds])];
    // The settings (the audited part) go first: if they are refused, the texts stay as they were.
    const handled = await handleCommand(this.store, programDecider, {
      tenantId: principal.tenantId,
      streamId: streams.program(programId),
      command: { type: 'update-program-settings', by: principal.userId, changes },
      expectedVersion,
    });
    await this.projection.applyAppended(handled.events);
    const texts = {
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.description === undefined ? {} : { description: body.description }),
      ...(body.settings?.questions ? { questionLabels } : {}),
    };
    const programs = this.readModels.forTenant(principal).programs;
    const id = documentId(principal.tenantId, programId);
    // The revision moves too, so a projection applying an event concurrently retries on these texts.
    if (Object.keys(texts).length > 0)
      await programs.updateOne({ _id: id }, { $set: texts, $inc: { _revision: 1 } });
    return await written(programs.findOne({ _id: id }));
  }
}
