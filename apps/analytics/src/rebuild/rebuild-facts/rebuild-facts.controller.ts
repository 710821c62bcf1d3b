import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { Responds, Roles } from '@tandem/auth';
import { FactRebuild, rebuildStatusSchema } from '../fact-rebuild';

/** Platform admins replay the facts from the beginning of the topics and watch the progress. */
@Controller('rebuild')
@Roles('platform-admin')
export class RebuildFactsController {
  constructor(private readonly rebuild: FactRebuild) {}

  @Post()
  @HttpCode(202)
  @Responds(rebuildStatusSchema, { description: 'The rebuild started; follow it with GET' })
  start() {
    return this.rebuild.start();
  }

  @Get()
  @Responds(rebuildStatusSchema, { description: 'Where the facts and any rebuild stand' })
  status() {
    return this.rebuild.status();
  }
}
