import {
  createParamDecorator,
  SetMetadata,
  UnauthorizedException,
  type ExecutionContext,
} from '@nestjs/common';
import { isRole, type Principal, type Role } from '../principal/principal';
import type { AccessRequest } from './access-request';

export const PUBLIC_ROUTE = 'tandem:public-route';
export const REQUIRED_ROLES = 'tandem:required-roles';

/**
 * Serves the route (or every route of the controller) without a token, rate limited per client IP
 * in `bucket` (one of `AccessOptions.rateLimits.publicPerIp`), apart from every other class of traffic.
 */
export const Public = (bucket = 'public'): MethodDecorator & ClassDecorator =>
  SetMetadata(PUBLIC_ROUTE, bucket);

/**
 * 403 unless the principal holds one of `roles` (a platform admin holds all). On a controller it
 * applies to every route; a route's own `@Roles` replaces it.
 */
export function Roles(...roles: Role[]): MethodDecorator & ClassDecorator {
  const unknown = roles.filter((role) => !isRole(role));
  if (roles.length === 0 || unknown.length > 0)
    throw new Error(`@Roles needs known roles, got ${JSON.stringify(roles)}`);
  return SetMetadata(REQUIRED_ROLES, roles);
}

/** The authenticated caller: `@CurrentPrincipal() principal: Principal`. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<AccessRequest>().principal;
    // Only on a @Public route, where asking for the caller is a mistake: fail closed.
    if (!principal) throw new UnauthorizedException('missing bearer token');
    return principal;
  },
);
