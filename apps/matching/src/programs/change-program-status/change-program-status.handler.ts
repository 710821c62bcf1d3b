import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import type { ProgramCommand } from '@tandem/matching-domain';
import { AggregateStore } from '../../infrastructure/aggregate-store';
import { documentId, ReadModels, written } from '../../infrastructure/read-model-collections';
import type { ProgramView } from '../../infrastructure/views';
import { ProgramAccess } from '../program-access';

export type ProgramTransition = Extract<
  ProgramCommand['type'],
  'open-enrolment' | 'close-enrolment' | 'launch-program' | 'close-program'
>;

export class ChangeProgramStatus {
  constructor(
    readonly principal: Principal,
    readonly programId: string,
    readonly transition: ProgramTransition,
  ) {}
}

@CommandHandler(ChangeProgramStatus)
export class ChangeProgramStatusHandler implements ICommandHandler<ChangeProgramStatus, ProgramView> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly readModels: ReadModels,
    private readonly access: ProgramAccess,
  ) {}

  async execute({ principal, programId, transition }: ChangeProgramStatus): Promise<ProgramView> {
    await this.access.managed(principal, programId);
    await this.aggregates.execute('program', {
      tenantId: principal.tenantId,
      id: programId,
      command: { type: transition, by: principal.userId },
    });
    return await written(
      this.readModels
        .forTenant(principal)
        .programs.findOne({ _id: documentId(principal.tenantId, programId) }),
    );
  }
}
