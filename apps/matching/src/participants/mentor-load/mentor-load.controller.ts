import { Controller, Get, Headers, HttpCode, Param, Patch } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import { expectedVersionOf } from '@tandem/runtime';
import { GetMentorLoad } from './get-mentor-load.handler';
import {
  mentorLoadSchema,
  overallCapacityBody,
  type MentorLoadResponse,
  type OverallCapacityBody,
} from './mentor-load-schemas';
import { SetOverallCapacity } from './set-overall-capacity.handler';

/** A mentor's load across programs and their one overall capacity: the person themselves or admins. */
@Controller('mentors/:userId')
@Roles('participant', 'program-admin', 'platform-admin')
export class MentorLoadController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('load')
  @Responds(mentorLoadSchema)
  load(
    @CurrentPrincipal() principal: Principal,
    @Param('userId') userId: string,
  ): Promise<MentorLoadResponse> {
    return this.queries.execute<GetMentorLoad, MentorLoadResponse>(new GetMentorLoad(principal, userId));
  }

  @Patch('load')
  @HttpCode(200)
  @Responds(mentorLoadSchema)
  async setOverallCapacity(
    @CurrentPrincipal() principal: Principal,
    @Param('userId') userId: string,
    @ValidatedBody(overallCapacityBody) { overallCapacity }: OverallCapacityBody,
    @Headers('if-match') ifMatch?: string,
  ): Promise<MentorLoadResponse> {
    await this.commands.execute(
      new SetOverallCapacity(principal, userId, overallCapacity ?? undefined, expectedVersionOf(ifMatch)),
    );
    return this.load(principal, userId);
  }
}
