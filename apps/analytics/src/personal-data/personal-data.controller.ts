import { Controller, Get, Param } from '@nestjs/common';
import { assertMayReadPersonalData, CurrentPrincipal, Responds, Roles, type Principal } from '@tandem/auth';
import { PersonalDataReader } from './personal-data-reader';
import {
  personalDataResponse,
  personalDataSchema,
  type PersonalDataResponse,
} from './personal-data-response';

/**
 * A person's right of access (GDPR art. 15): what analytics' facts hold about them in the caller's
 * tenant. Every role may ask, but only for themself; platform admins answer requests for anyone.
 */
@Controller('people')
@Roles('participant', 'program-admin', 'platform-admin', 'analyst')
export class PersonalDataController {
  constructor(private readonly reader: PersonalDataReader) {}

  @Get(':userId/personal-data')
  @Responds(personalDataSchema, {
    description:
      'Their enrolments, relationships (with their own reflections, and the sessions and goals as ids and dates), the session feedback they gave and the programs they administer; others appear as ids only. Empty when analytics holds nothing about them',
  })
  async export(
    @CurrentPrincipal() principal: Principal,
    @Param('userId') userId: string,
  ): Promise<PersonalDataResponse> {
    assertMayReadPersonalData(principal, userId);
    return personalDataResponse(userId, await this.reader.of(principal.tenantId, userId));
  }
}
