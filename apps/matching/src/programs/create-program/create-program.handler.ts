import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { EventStore, handleCommand, type HandledCommand } from '@tandem/eventstore';
import { programDecider, type ProgramSettings, type ProgramState } from '@tandem/matching-domain';
import { documentId, ReadModels, unprojected, written } from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import type { ProgramView } from '../../infrastructure/views';
import { ReadModelProjection } from '../../read-models/read-model-projection';
import { defaultSettings, type CreateProgramBody } from '../program-schemas';
import { splitQuestionLabels } from '../question-labels';

export class CreateProgram {
  constructor(
    readonly principal: Principal,
    readonly body: CreateProgramBody,
  ) {}
}

@CommandHandler(CreateProgram)
export class CreateProgramHandler implements ICommandHandler<CreateProgram, ProgramView> {
  constructor(
    private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly readModels: ReadModels,
  ) {}

  async execute({ principal, body }: CreateProgram): Promise<ProgramView> {
    const programId = randomUUID();
    const { settings: input, ...texts } = body;
    const { questions, questionLabels } = splitQuestionLabels(input.questions ?? []);
    const settings = {
      ...defaultSettings,
      ...input,
      questions,
      adminIds: [...new Set([principal.userId, ...(input.adminIds ?? [])])],
    } as ProgramSettings;
    const programs = this.readModels.forTenant(principal).programs;
    // Names and descriptions are free text, kept out of events: stored first, visible from version 1.
    await programs.insertOne({
      _id: documentId(principal.tenantId, programId),
      programId,
      ...unprojected,
      name: texts.name,
      ...(texts.description === undefined ? {} : { description: texts.description }),
      questionLabels,
      createdAt: new Date().toISOString(),
    });
    let handled: HandledCommand<ProgramState>;
    try {
      handled = await handleCommand(this.store, programDecider, {
        tenantId: principal.tenantId,
        streamId: streams.program(programId),
        command: {
          type: 'create-program',
          programId,
          by: principal.userId,
          programType: body.type,
          settings,
        },
      });
    } catch (error) {
      // Refused: the texts were never shown, and go.
      await programs.deleteOne({ _id: documentId(principal.tenantId, programId) });
      throw error;
    }
    await this.projection.applyAppended(handled.events);
    return await written(programs.findOne({ _id: documentId(principal.tenantId, programId) }));
  }
}
