import { Controller, Get, Param } from '@nestjs/common';
import { assertMayReadPersonalData, CurrentPrincipal, Responds, Roles, type Principal } from '@tandem/auth';
import { ForwardedAuthorization } from '@tandem/runtime';
import { MatchingPersonalData } from './matching-personal-data';
import { PersonalDataExports } from './personal-data-export';
import { matchingPersonalDataSchema, personalDataExportSchema } from './personal-data-schemas';

/** The right of access: what Tandem holds about a person, for that person or a platform admin. */
@Controller('people')
@Roles('participant', 'program-admin', 'platform-admin', 'analyst')
export class PersonalDataController {
  constructor(
    private readonly data: MatchingPersonalData,
    private readonly exports: PersonalDataExports,
  ) {}

  @Get(':userId/personal-data')
  @Responds(matchingPersonalDataSchema, { description: 'What the matching service holds about the person' })
  personalData(@CurrentPrincipal() principal: Principal, @Param('userId') userId: string) {
    assertMayReadPersonalData(principal, userId);
    return this.data.of(principal.tenantId, userId);
  }

  @Get(':userId/export')
  @Responds(personalDataExportSchema, {
    description: 'Everything every service holds about the person, in one document',
    errors: [503],
  })
  export(
    @CurrentPrincipal() principal: Principal,
    @Param('userId') userId: string,
    @ForwardedAuthorization() authorization: string | undefined,
  ) {
    assertMayReadPersonalData(principal, userId);
    return this.exports.export(principal.tenantId, userId, authorization);
  }
}
