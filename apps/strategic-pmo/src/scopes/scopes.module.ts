import { Global, Module } from '@nestjs/common';
import { SCOPE_RESOLVER } from '@pmo/auth';
import { PortfolioScopes } from './portfolio-scopes';

/** The access guard's view of what belongs to which program, for every module of the service. */
@Global()
@Module({
  providers: [PortfolioScopes, { provide: SCOPE_RESOLVER, useExisting: PortfolioScopes }],
  exports: [PortfolioScopes],
})
export class ScopesModule {}
