import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import { expectedVersionOf } from '@tandem/runtime';
import type { RelationshipView } from '../../infrastructure/views';
import { relationshipResponse, relationshipResponseSchema } from '../relationship-response';
import { agreementBody, type AgreementBody } from '../relationship-schemas';
import { RecordAgreement } from './record-agreement.handler';

@Controller('relationships/:relationshipId/agreement')
@Roles('program-admin', 'participant')
export class RecordAgreementController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Responds(relationshipResponseSchema)
  async agreement(
    @CurrentPrincipal() principal: Principal,
    @Param('relationshipId') relationshipId: string,
    @ValidatedBody(agreementBody) body: AgreementBody,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    return relationshipResponse(
      await this.commands.execute<RecordAgreement, RelationshipView>(
        new RecordAgreement(principal, relationshipId, body, expectedVersionOf(ifMatch)),
      ),
    );
  }
}
