import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ScimError } from './scim-error';
import { ScimTokens } from './scim-tokens';

/** A SCIM request once its token is verified: the tenant it provisions, and by which token. */
export interface ScimRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  scim?: { tenantId: string; tokenId: string };
}

/** SCIM routes take a tenant's SCIM token (`Authorization: Bearer …`), not a user's sign-in token. */
@Injectable()
export class ScimTokenGuard implements CanActivate {
  constructor(private readonly tokens: ScimTokens) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ScimRequest>();
    const header = request.headers['authorization'];
    const token = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
    const verified = token === undefined ? undefined : await this.tokens.verify(token);
    if (!verified) throw new ScimError(401, 'A valid SCIM bearer token of the tenant is required');
    request.scim = verified;
    return true;
  }
}
