import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import type { z } from 'zod';
import type { RelationshipView } from '../../infrastructure/views';
import { relationshipResponse } from '../relationship-response';
import {
  agreementBody,
  declineBody,
  emptyBody,
  endBody,
  endReasons,
  pauseBody,
  reflectionBody,
} from '../relationship-schemas';
import { ActOnRelationship, type RelationshipAction } from './act-on-relationship.handler';

/** Everything the parties (and their program's admins) do with a relationship once it is proposed. */
@Controller('relationships/:relationshipId')
@Roles('program-admin', 'participant')
export class ActOnRelationshipController {
  constructor(private readonly commands: CommandBus) {}

  @Post('accept')
  @HttpCode(200)
  accept(
    @CurrentPrincipal() p: Principal,
    @Param('relationshipId') id: string,
    @ValidatedBody(emptyBody) _body: object,
  ) {
    return this.act(p, id, { type: 'accept' });
  }

  @Post('decline')
  @HttpCode(200)
  decline(
    @CurrentPrincipal() p: Principal,
    @Param('relationshipId') id: string,
    @ValidatedBody(declineBody) body: z.infer<typeof declineBody>,
  ) {
    return this.act(p, id, { type: 'decline', reason: body.reason });
  }

  @Post('agreement')
  @HttpCode(200)
  agreement(
    @CurrentPrincipal() p: Principal,
    @Param('relationshipId') id: string,
    @ValidatedBody(agreementBody) body: z.infer<typeof agreementBody>,
  ) {
    const { scope, preferredChannel, sessionsPerMonth, agreedUntil } = body;
    return this.act(p, id, {
      type: 'record-agreement',
      sessionsPerMonth,
      ...(agreedUntil ? { agreedUntil } : {}),
      texts: { scope, preferredChannel },
    });
  }

  @Post('pause')
  @HttpCode(200)
  pause(
    @CurrentPrincipal() p: Principal,
    @Param('relationshipId') id: string,
    @ValidatedBody(pauseBody) body: z.infer<typeof pauseBody>,
  ) {
    return this.act(p, id, { type: 'pause', reason: body.reason });
  }

  @Post('resume')
  @HttpCode(200)
  resume(
    @CurrentPrincipal() p: Principal,
    @Param('relationshipId') id: string,
    @ValidatedBody(emptyBody) _body: object,
  ) {
    return this.act(p, id, { type: 'resume' });
  }

  @Post('end')
  @HttpCode(200)
  end(
    @CurrentPrincipal() p: Principal,
    @Param('relationshipId') id: string,
    @ValidatedBody(endBody) body: z.infer<typeof endBody>,
  ) {
    return this.act(p, id, {
      type: 'end',
      reason: endReasons[body.reason],
      requestRematch: body.requestRematch,
    });
  }

  @Post('reflection')
  @HttpCode(200)
  reflection(
    @CurrentPrincipal() p: Principal,
    @Param('relationshipId') id: string,
    @ValidatedBody(reflectionBody) body: z.infer<typeof reflectionBody>,
  ) {
    return this.act(p, id, { type: 'submit-reflection', ...body });
  }

  private async act(principal: Principal, relationshipId: string, action: RelationshipAction) {
    return relationshipResponse(
      await this.commands.execute<ActOnRelationship, RelationshipView>(
        new ActOnRelationship(principal, relationshipId, action),
      ),
    );
  }
}
