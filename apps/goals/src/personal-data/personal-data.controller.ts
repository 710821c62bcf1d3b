import { Controller, Get, Param } from '@nestjs/common';
import { assertMayReadPersonalData, CurrentPrincipal, Responds, Roles, type Principal } from '@tandem/auth';
import { PersonalDataExport } from './personal-data-export';
import { personalDataSchema, type PersonalData } from './personal-data-response';

/**
 * GDPR right of access: what the goals service holds about one person in the caller's tenant.
 * The person reads their own; a platform admin reads anyone's (e.g. to answer a request).
 */
@Controller('people')
@Roles('participant', 'program-admin', 'platform-admin', 'analyst')
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataExport) {}

  @Get(':userId/personal-data')
  @Responds(personalDataSchema, {
    description:
      "The person's goals, their entries on others' goals, templates they published, and their relationships and programs (empty sections when none)",
  })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('userId') userId: string,
  ): Promise<PersonalData> {
    assertMayReadPersonalData(principal, userId);
    return this.personalData.of(principal.tenantId, userId);
  }
}
