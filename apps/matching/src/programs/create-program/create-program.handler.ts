import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import type { ProgramSettings } from '@tandem/matching-domain';
import { AggregateStore } from '../../infrastructure/aggregate-store';
import { documentId, ReadModels, written } from '../../infrastructure/read-model-collections';
import type { ProgramView } from '../../infrastructure/views';
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
    private readonly aggregates: AggregateStore,
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
      version: 0,
      name: texts.name,
      ...(texts.description === undefined ? {} : { description: texts.description }),
      questionLabels,
      createdAt: new Date().toISOString(),
    });
    try {
      await this.aggregates.execute('program', {
        tenantId: principal.tenantId,
        id: programId,
        command: {
          type: 'create-program',
          programId,
          by: principal.userId,
          programType: body.type,
          settings,
        },
      });
    } catch (error) {
      await programs.deleteOne({ _id: documentId(principal.tenantId, programId) });
      throw error;
    }
    return await written(programs.findOne({ _id: documentId(principal.tenantId, programId) }));
  }
}
