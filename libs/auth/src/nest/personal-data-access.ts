import { ForbiddenException } from '@nestjs/common';
import { mayReadPersonalData } from '../authorization/policies';
import type { Principal } from '../principal/principal';

/** Every service's personal-data route answers 403 the same way to anyone else. */
export function assertMayReadPersonalData(principal: Principal, userId: string): void {
  if (!mayReadPersonalData(principal, userId))
    throw new ForbiddenException('Only a platform admin or the person themself may read their personal data');
}
