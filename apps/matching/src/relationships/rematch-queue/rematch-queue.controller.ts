import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedQuery, type Principal } from '@tandem/auth';
import { GetRematchQueue } from './rematch-queue.handler';
import {
  rematchQueueQuery,
  rematchQueueResponseSchema,
  type RematchQueueQuery,
  type RematchQueueResponse,
} from './rematch-queue.schemas';

@Controller('programs/:programId/rematch-queue')
@Roles('program-admin')
export class RematchQueueController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Responds(rematchQueueResponseSchema)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @ValidatedQuery(rematchQueueQuery) page: RematchQueueQuery,
  ) {
    return this.queries.execute<GetRematchQueue, RematchQueueResponse>(
      new GetRematchQueue(principal, programId, page),
    );
  }
}
