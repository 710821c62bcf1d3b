import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TokenBucketLimiter } from '../rate-limit/token-bucket-limiter';
import { createTokenVerifier } from '../verification/token-verifier';
import { ACCESS_OPTIONS, RATE_LIMITER, TOKEN_VERIFIER, type AccessOptions } from './access-options';
import { AccessGuard } from './access.guard';

/** Puts the access guard on every route of the application; the runtime imports it for every service. */
@Module({})
export class AuthModule {
  static forRoot(options: AccessOptions): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: ACCESS_OPTIONS, useValue: options },
        { provide: TOKEN_VERIFIER, useFactory: () => createTokenVerifier(options.auth) },
        {
          provide: RATE_LIMITER,
          useFactory: () =>
            new TokenBucketLimiter({ perMinute: options.rateLimitPerMinute, now: options.now ?? Date.now }),
        },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [TOKEN_VERIFIER],
    };
  }
}
