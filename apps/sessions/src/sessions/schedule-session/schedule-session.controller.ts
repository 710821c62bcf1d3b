import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import { sessionResponseSchema, type SessionResponse } from '../session-response';
import { scheduleSessionBody, type ScheduleSessionBody } from '../session-schemas';
import { ScheduleSession } from './schedule-session.handler';

@Controller('sessions')
@Roles('program-admin', 'participant')
export class ScheduleSessionController {
  constructor(private readonly commands: CommandBus) {}

  /** A member of an active relationship (or its program's admin) schedules a session; everyone in it is invited. */
  @Post()
  // 404: the body's relationship is unknown or not the caller's.
  @Responds(sessionResponseSchema, { description: 'The scheduled session', errors: [404] })
  async schedule(
    @CurrentPrincipal() principal: Principal,
    @ValidatedBody(scheduleSessionBody) body: ScheduleSessionBody,
  ) {
    return this.commands.execute<ScheduleSession, SessionResponse>(new ScheduleSession(principal, body));
  }
}
