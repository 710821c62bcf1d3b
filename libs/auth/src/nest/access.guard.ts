import {
  ForbiddenException,
  Inject,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasAnyRole } from '../authorization/policies';
import type { Principal, Role } from '../principal/principal';
import { AuthenticationError, SigningKeysUnavailableError } from '../verification/authentication-error';
import { bearerTokenOf } from '../verification/bearer-token';
import type { TokenVerifier } from '../verification/token-verifier';
import { ACCESS_OPTIONS, TOKEN_VERIFIER, type AccessOptions } from './access-options';
import type { AccessRequest, AccessResponse, RateLimitClass } from './access-request';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './access.decorators';
import { isPublicPath } from './public-paths';
import { RateLimitGuard } from './rate-limits';

/**
 * Every HTTP route, in order: public paths pass; `@Public` routes spend their bucket per client IP;
 * otherwise the bearer token is verified (a missing or invalid one spends the `unauthenticated`
 * bucket per IP, then 401), the caller spends the per-user and per-tenant buckets (429), and
 * `@Roles` is checked (403).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ACCESS_OPTIONS) private readonly options: AccessOptions,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    private readonly rateLimit: RateLimitGuard,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AccessRequest>();
    const response = context.switchToHttp().getResponse<AccessResponse>();
    if (isPublicPath(request.path, this.options.publicPaths)) return true;
    const targets = [context.getHandler(), context.getClass()];
    const publicBucket = this.reflector.getAllAndOverride<string | undefined>(PUBLIC_ROUTE, targets);
    if (publicBucket) {
      if (!(publicBucket in this.options.rateLimits.publicPerIp))
        throw new Error(`@Public('${publicBucket}') names no configured rate-limit bucket`);
      await this.spend(context, request, `public:${publicBucket}`);
      return true;
    }
    const principal = await this.authenticate(context, request, response);
    request.principal = principal;
    await this.spend(context, request, 'signed-in');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !hasAnyRole(principal, roles)) {
      throw new ForbiddenException(`requires one of the roles: ${roles.join(', ')}`);
    }
    return true;
  }

  private async authenticate(
    context: ExecutionContext,
    request: AccessRequest,
    response: AccessResponse,
  ): Promise<Principal> {
    try {
      const token = bearerTokenOf(request.headers['authorization']);
      if (!token) throw new AuthenticationError('missing bearer token');
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof SigningKeysUnavailableError) throw new ServiceUnavailableException(error.message);
      if (!(error instanceof AuthenticationError)) throw error;
      // Failed attempts spend a bucket of their own, so a flood of bad tokens is throttled without
      // touching what token-less routes (calendar feeds) or signed-in callers from that IP may spend.
      await this.spend(context, request, 'unauthenticated');
      response.setHeader(
        'WWW-Authenticate',
        error.reason === 'missing bearer token' ? 'Bearer' : 'Bearer error="invalid_token"',
      );
      throw new UnauthorizedException(error.message);
    }
  }

  /** Throws `ThrottlerException` (429, `Retry-After` set) once the class's buckets are spent. */
  private async spend(
    context: ExecutionContext,
    request: AccessRequest,
    rateLimitClass: RateLimitClass,
  ): Promise<void> {
    request.rateLimitClass = rateLimitClass;
    await this.rateLimit.canActivate(context);
  }
}
