import { Injectable, NotFoundException } from '@nestjs/common';
import type { FactSet } from '@tandem/analytics-domain';
import type { Principal } from '@tandem/auth';
import { FactReader } from '../infrastructure/fact-reader';
import { programIdParam } from './program-schemas';
import { ProgramScope } from './program-scope';

/** One program's facts for a reader allowed to see them (404 otherwise, malformed ids included). */
@Injectable()
export class ProgramFacts {
  constructor(
    private readonly scope: ProgramScope,
    private readonly reader: FactReader,
  ) {}

  async of(principal: Principal, programId: string, asOf?: string): Promise<FactSet> {
    await this.assertReadable(principal, programId);
    return this.reader.factSet(principal.tenantId, [programId], asOf);
  }

  async assertReadable(principal: Principal, programId: string): Promise<void> {
    if (!programIdParam.safeParse(programId).success) throw new NotFoundException('Program not found');
    await this.scope.assertReadable(principal, programId);
  }
}
