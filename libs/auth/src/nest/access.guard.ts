import {
  ForbiddenException,
  HttpException,
  HttpStatus,
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
import type { TokenBucketLimiter } from '../rate-limit/token-bucket-limiter';
import { AuthenticationError, SigningKeysUnavailableError } from '../verification/authentication-error';
import { bearerTokenOf } from '../verification/bearer-token';
import type { TokenVerifier } from '../verification/token-verifier';
import { ACCESS_OPTIONS, RATE_LIMITER, TOKEN_VERIFIER, type AccessOptions } from './access-options';
import type { AccessRequest, AccessResponse } from './access-request';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './access.decorators';
import { isPublicPath } from './public-paths';

/**
 * Every HTTP route, in order: public paths pass; otherwise the bearer token is verified (401),
 * the caller is rate limited (429), and `@Roles` is checked (403). `@Public` routes skip the token.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ACCESS_OPTIONS) private readonly options: AccessOptions,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(RATE_LIMITER) private readonly limiter: TokenBucketLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AccessRequest>();
    const response = context.switchToHttp().getResponse<AccessResponse>();
    if (isPublicPath(request.path, this.options.publicPaths)) return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      this.limit(`ip:${request.ip ?? 'unknown'}`, response);
      return true;
    }
    const principal = await this.authenticate(request, response);
    this.limit(`principal:${principal.tenantId}/${principal.userId}`, response);
    request.principal = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !hasAnyRole(principal, roles)) {
      throw new ForbiddenException(`requires one of the roles: ${roles.join(', ')}`);
    }
    return true;
  }

  private async authenticate(request: AccessRequest, response: AccessResponse): Promise<Principal> {
    try {
      const token = bearerTokenOf(request.headers['authorization']);
      if (!token) throw new AuthenticationError('missing bearer token');
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof SigningKeysUnavailableError) throw new ServiceUnavailableException(error.message);
      if (!(error instanceof AuthenticationError)) throw error;
      // Failed attempts count against the client's IP, so a flood of bad tokens is throttled too.
      this.limit(`ip:${request.ip ?? 'unknown'}`, response);
      response.setHeader(
        'WWW-Authenticate',
        error.reason === 'missing bearer token' ? 'Bearer' : 'Bearer error="invalid_token"',
      );
      throw new UnauthorizedException(error.message);
    }
  }

  private limit(key: string, response: AccessResponse): void {
    const decision = this.limiter.take(key);
    if (decision.allowed) return;
    response.setHeader('Retry-After', String(decision.retryAfterSeconds));
    throw new HttpException(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        message: 'rate limit exceeded',
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
