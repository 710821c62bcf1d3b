import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { createTokenVerifier } from '../verification/token-verifier';
import { ACCESS_OPTIONS, TOKEN_VERIFIER, type AccessOptions } from './access-options';
import { AccessGuard } from './access.guard';
import { RateLimitGuard, throttlerOptionsOf } from './rate-limits';

/** Puts the access guard on every route of the application; the runtime imports it for every service. */
@Module({})
export class AuthModule {
  static forRoot(options: AccessOptions): DynamicModule {
    return {
      module: AuthModule,
      imports: [ThrottlerModule.forRoot(throttlerOptionsOf(options.rateLimits))],
      providers: [
        { provide: ACCESS_OPTIONS, useValue: options },
        { provide: TOKEN_VERIFIER, useFactory: () => createTokenVerifier(options.auth) },
        RateLimitGuard,
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [TOKEN_VERIFIER],
    };
  }
}
