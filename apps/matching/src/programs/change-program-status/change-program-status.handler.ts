import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { EventStore, handleCommand } from '@tandem/eventstore';
import { programDecider, type ProgramCommand } from '@tandem/matching-domain';
import { documentId, ReadModels, written } from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import type { ProgramView } from '../../infrastructure/views';
import { ReadModelProjection } from '../../read-models/read-model-projection';
import { ProgramAccess } from '../program-access';
import { ProgramClosure } from '../program-closure/program-closure';

export type ProgramTransition = Extract<
  ProgramCommand['type'],
  'open-enrolment' | 'close-enrolment' | 'launch-program' | 'close-program'
>;

export class ChangeProgramStatus {
  constructor(
    readonly principal: Principal,
    readonly programId: string,
    readonly transition: ProgramTransition,
    readonly expectedVersion: number | undefined,
  ) {}
}

@CommandHandler(ChangeProgramStatus)
export class ChangeProgramStatusHandler implements ICommandHandler<ChangeProgramStatus, ProgramView> {
  constructor(
    private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly readModels: ReadModels,
    private readonly access: ProgramAccess,
    private readonly closure: ProgramClosure,
  ) {}

  async execute({
    principal,
    programId,
    transition,
    expectedVersion,
  }: ChangeProgramStatus): Promise<ProgramView> {
    await this.access.managed(principal, programId);
    const handled = await handleCommand(this.store, programDecider, {
      tenantId: principal.tenantId,
      streamId: streams.program(programId),
      command: { type: transition, by: principal.userId },
      expectedVersion,
    });
    await this.projection.applyAppended(handled.events);
    // At once for the answer; the closure runs again from the topic if this request dies here.
    if (transition === 'close-program')
      await this.closure.endRelationshipsOf(principal.tenantId, programId, principal.userId);
    return await written(
      this.readModels
        .forTenant(principal)
        .programs.findOne({ _id: documentId(principal.tenantId, programId) }),
    );
  }
}
