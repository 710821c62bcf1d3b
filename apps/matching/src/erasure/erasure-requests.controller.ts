import { Controller, Get, HttpCode, NotFoundException, Param, Post, Res } from '@nestjs/common';
import { CurrentPrincipal, Responds, Roles, type Principal } from '@tandem/auth';
import { ErasureProgress } from './erasure-progress';
import { erasureRequestPath, erasureRequestResponse, erasureRequestSchema } from './erasure-request-response';
import { ErasureRequests } from './erasure-requests';

/** The right to be forgotten: platform admins request a person's erasure and follow it service by service. */
@Controller()
@Roles('platform-admin')
export class ErasureRequestsController {
  constructor(
    private readonly requests: ErasureRequests,
    private readonly progress: ErasureProgress,
  ) {}

  @Post('people/:userId/erasure-requests')
  @HttpCode(202)
  @Responds(erasureRequestSchema, {
    description:
      'The request, carried out by every service in the background: `Location` is where its progress is read',
    location: true,
  })
  async request(
    @CurrentPrincipal() principal: Principal,
    @Param('userId') userId: string,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ) {
    const request = await this.requests.submit(principal, userId);
    response.setHeader('Location', erasureRequestPath(request.requestId));
    return erasureRequestResponse(request);
  }

  @Get('erasure-requests/:requestId')
  @Responds(erasureRequestSchema)
  async get(@CurrentPrincipal() principal: Principal, @Param('requestId') requestId: string) {
    const request = await this.progress.find(principal.tenantId, requestId);
    if (!request) throw new NotFoundException('Erasure request not found');
    return erasureRequestResponse(request);
  }
}
