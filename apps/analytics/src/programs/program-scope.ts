import { Injectable, NotFoundException } from '@nestjs/common';
import type { ProgramFact } from '@tandem/analytics-domain';
import { hasAnyRole, isPlatformAdmin, type Principal } from '@tandem/auth';
import { FactReader } from '../infrastructure/fact-reader';

/**
 * Which programs a reader may ask about: analysts and platform admins every program of their
 * tenant, program admins the programs that list them as admins. Any other program is "not found".
 */
@Injectable()
export class ProgramScope {
  constructor(private readonly reader: FactReader) {}

  /** Program ids the principal may read; undefined = all of the tenant's. */
  async readable(principal: Principal): Promise<string[] | undefined> {
    if (seesAllPrograms(principal)) return undefined;
    const programs = await this.reader.programs(principal.tenantId);
    return programs.filter((p) => administers(principal, p)).map((p) => p.programId);
  }

  /** Throws 404 unless the program exists (analytics has heard of it) and the principal may read it. */
  async assertReadable(principal: Principal, programId: string): Promise<void> {
    const program = await this.reader.program(principal.tenantId, programId);
    if (!program || (!seesAllPrograms(principal) && !administers(principal, program))) {
      throw new NotFoundException('Program not found');
    }
  }
}

const seesAllPrograms = (principal: Principal) =>
  isPlatformAdmin(principal) || hasAnyRole(principal, ['analyst']);
const administers = (principal: Principal, program: ProgramFact) =>
  program.adminIds.includes(principal.userId);
