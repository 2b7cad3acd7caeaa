import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard, TOKEN_VERIFIER } from './auth.guard';
import type { TokenVerifier } from './token-verifier';

/** Installs the bearer-token guard on every route of the service. */
@Module({})
export class AuthModule {
  static forRoot(verifier: TokenVerifier): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: TOKEN_VERIFIER, useValue: verifier },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
