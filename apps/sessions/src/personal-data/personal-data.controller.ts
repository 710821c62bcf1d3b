import { Controller, Get, Param } from '@nestjs/common';
import { assertMayReadPersonalData, CurrentPrincipal, Responds, Roles, type Principal } from '@tandem/auth';
import { PersonalDataCollector } from './personal-data-collector';
import { sessionsPersonalDataSchema, type SessionsPersonalData } from './personal-data-response';

/**
 * The right of access: what this service holds about a person, for that person or a platform
 * admin of their tenant.
 */
@Controller('people')
@Roles('participant', 'program-admin', 'platform-admin', 'analyst')
export class PersonalDataController {
  constructor(private readonly collector: PersonalDataCollector) {}

  /** Scoped to the caller's tenant: a person it holds nothing about gets empty sections. */
  @Get(':userId/personal-data')
  @Responds(sessionsPersonalDataSchema, { description: 'What the sessions service holds about the person' })
  personalData(
    @CurrentPrincipal() principal: Principal,
    @Param('userId') userId: string,
  ): Promise<SessionsPersonalData> {
    assertMayReadPersonalData(principal, userId);
    return this.collector.of(principal.tenantId, userId);
  }
}
