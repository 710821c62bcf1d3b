import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { canManageProgram, type Principal } from '@tandem/auth';
import { documentId, ReadModels } from '../infrastructure/read-model-collections';
import type { ProgramView } from '../infrastructure/views';

export type VisibleProgram = ProgramView & Required<Pick<ProgramView, 'programType' | 'status' | 'settings'>>;

/** Who may see and manage a program; one place, so every route answers alike. */
@Injectable()
export class ProgramAccess {
  constructor(private readonly readModels: ReadModels) {}

  /** The program if the principal may see it: its admins always, others once it left draft. Else 404. */
  async visible(principal: Principal, programId: string): Promise<VisibleProgram> {
    const program = await this.readModels
      .forTenant(principal)
      .programs.findOne({ _id: documentId(principal.tenantId, programId) });
    return this.visibleIn(principal, program);
  }

  /** `visible` for a program document the caller has read already (null or undefined: none). */
  visibleIn(principal: Principal, program: ProgramView | null | undefined): VisibleProgram {
    if (!program || program.version === 0 || !program.settings) throw notFound();
    const visible = program as VisibleProgram;
    if (visible.status === 'draft' && !this.canManage(principal, visible)) throw notFound();
    return visible;
  }

  /** The program if the principal manages it (404 if they cannot see it, 403 if they only see it). */
  async managed(principal: Principal, programId: string): Promise<VisibleProgram> {
    const program = await this.visible(principal, programId);
    if (!this.canManage(principal, program))
      throw new ForbiddenException('Only an admin of this program can do this');
    return program;
  }

  canManage(principal: Principal, program: VisibleProgram): boolean {
    return canManageProgram(principal, { adminIds: program.settings.adminIds });
  }
}

const notFound = () => new NotFoundException('Program not found');
