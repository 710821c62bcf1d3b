import { Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import type { ProgramView } from '../../infrastructure/views';
import { programPath, programResponse, programResponseSchema } from '../program-response';
import { createProgramBody, type CreateProgramBody } from '../program-schemas';
import { CreateProgram } from './create-program.handler';

@Controller('programs')
export class CreateProgramController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('program-admin')
  @Responds(programResponseSchema, { description: 'The new program, in draft', location: true })
  async create(
    @CurrentPrincipal() principal: Principal,
    @ValidatedBody(createProgramBody) body: CreateProgramBody,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ) {
    const program = await this.commands.execute<CreateProgram, ProgramView>(
      new CreateProgram(principal, body),
    );
    response.setHeader('Location', programPath(program.programId));
    return programResponse(program);
  }
}
