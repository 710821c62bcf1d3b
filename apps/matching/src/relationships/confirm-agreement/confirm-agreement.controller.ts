import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import { expectedVersionOf } from '@tandem/runtime';
import type { RelationshipView } from '../../infrastructure/views';
import { relationshipResponse, relationshipResponseSchema } from '../relationship-response';
import { confirmAgreementBody, type ConfirmAgreementBody } from '../relationship-schemas';
import { ConfirmAgreement } from './confirm-agreement.handler';

@Controller('relationships/:relationshipId/agreement/confirm')
@Roles('program-admin', 'participant')
export class ConfirmAgreementController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Responds(relationshipResponseSchema)
  async confirm(
    @CurrentPrincipal() principal: Principal,
    @Param('relationshipId') relationshipId: string,
    @ValidatedBody(confirmAgreementBody) body: ConfirmAgreementBody,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    return relationshipResponse(
      await this.commands.execute<ConfirmAgreement, RelationshipView>(
        new ConfirmAgreement(principal, relationshipId, body.version, expectedVersionOf(ifMatch)),
      ),
    );
  }
}
