import { Controller, Delete, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, Responds, RespondsWithoutBody, Roles, type Principal } from '@tandem/auth';
import { z } from 'zod';
import { ScimTokens } from './scim-tokens';

const issuedTokenSchema = z.object({
  tokenId: z.string(),
  token: z
    .string()
    .describe('The bearer token for the identity provider: shown this once, kept only as a hash'),
  createdAt: z.string(),
});
const tokenListSchema = z.object({
  items: z.array(
    z.object({
      tokenId: z.string(),
      createdAt: z.string(),
      createdBy: z.string(),
      revokedAt: z.string().optional(),
    }),
  ),
});

/** The tenant's SCIM tokens, which its identity provider provisions people with: platform admins only. */
@Controller('scim-tokens')
@Roles('platform-admin')
export class ScimTokensController {
  constructor(private readonly tokens: ScimTokens) {}

  @Post()
  @HttpCode(201)
  @Responds(issuedTokenSchema)
  issue(@CurrentPrincipal() principal: Principal): Promise<z.infer<typeof issuedTokenSchema>> {
    return this.tokens.issue(principal.tenantId, principal.userId);
  }

  @Get()
  @Responds(tokenListSchema)
  async list(@CurrentPrincipal() principal: Principal): Promise<z.infer<typeof tokenListSchema>> {
    const tokens = await this.tokens.list(principal.tenantId);
    return {
      items: tokens.map(({ _id, createdAt, createdBy, revokedAt }) => ({
        tokenId: _id,
        createdAt,
        createdBy,
        ...(revokedAt ? { revokedAt } : {}),
      })),
    };
  }

  @Delete(':tokenId')
  @HttpCode(204)
  @RespondsWithoutBody()
  async revoke(@CurrentPrincipal() principal: Principal, @Param('tokenId') tokenId: string): Promise<void> {
    if (!(await this.tokens.revoke(principal.tenantId, tokenId)))
      throw new NotFoundException('SCIM token not found');
  }
}
