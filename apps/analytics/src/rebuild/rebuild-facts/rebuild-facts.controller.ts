import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { Roles } from '@tandem/auth';
import { FactRebuild } from '../fact-rebuild';

/** Platform admins replay the facts from the beginning of the topics and watch the progress. */
@Controller('rebuild')
@Roles('platform-admin')
export class RebuildFactsController {
  constructor(private readonly rebuild: FactRebuild) {}

  @Post()
  @HttpCode(202)
  start() {
    return this.rebuild.start();
  }

  @Get()
  status() {
    return this.rebuild.status();
  }
}
