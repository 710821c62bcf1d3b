import type { Principal } from '@tandem/auth';
import { DomainError } from '@tandem/kernel';
import { userIdSchema } from '../participant-schemas';

/** Admins see and set anyone's overall capacity; a person only their own. */
export function isMentorAdmin(principal: Principal): boolean {
  return principal.roles.includes('program-admin') || principal.roles.includes('platform-admin');
}

export function requireSelfOrAdmin(principal: Principal, userId: string): void {
  // Nobody has an id that could not be in an event: such a person is not found.
  if (!userIdSchema.safeParse(userId).success)
    throw new DomainError('mentor-not-found', 'No such person', 'not-found');
  if (principal.userId !== userId && !isMentorAdmin(principal))
    throw new DomainError('not-your-load', 'Only the person or an admin sees a mentor’s load', 'forbidden');
}
