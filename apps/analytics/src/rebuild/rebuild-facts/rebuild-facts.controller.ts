import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CurrentPrincipal, Responds, Roles, type Principal } from '@tandem/auth';
import { FactRebuild, rebuildStatusSchema } from '../fact-rebuild';

/**
 * Operators (the `platform-operator` role, which no tenant's token carries) rebuild every tenant's
 * facts; a tenant's platform admins follow it with their own tenant's figures only.
 */
@Controller('rebuild')
export class RebuildFactsController {
  constructor(private readonly rebuild: FactRebuild) {}

  @Post()
  @HttpCode(202)
  @Roles('platform-operator')
  @Responds(rebuildStatusSchema, { description: 'The rebuild started; follow it with GET' })
  start(@CurrentPrincipal() caller: Principal) {
    return this.rebuild.start(caller);
  }

  @Get()
  @Roles('platform-operator', 'platform-admin')
  @Responds(rebuildStatusSchema, { description: 'Where the facts and any rebuild stand' })
  status(@CurrentPrincipal() caller: Principal) {
    return this.rebuild.status(caller);
  }
}
