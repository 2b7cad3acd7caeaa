import { Module, type DynamicModule } from '@nestjs/common';
import { serviceInfrastructure, type ServiceRuntime } from '@pmo/http';
import { strategicPmoSchema } from './schema';
import { ScopesModule } from './scopes/scopes.module';
import { BuildoutModule } from './buildout/buildout.module';
import { CommitteesModule } from './committees/committees.module';
import { ComplianceModelModule } from './compliance/compliance-model.module';
import { GovernanceMetricsModule } from './metrics/metrics.module';
import { PortfolioModule } from './portfolio/portfolio.module';
import { PrioritiesModule } from './priorities/priorities.module';
import { RoadmapModule } from './roadmap/roadmap.module';
import { StandardsModule } from './standards/standards.module';
import { VariancesModule } from './variances/variances.module';
import { VarianceImpactModule } from './variances/variance-impact.module';

@Module({})
export class AppModule {
  static forRoot(runtime: ServiceRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceInfrastructure(runtime, strategicPmoSchema),
        ScopesModule,
        PortfolioModule,
        StandardsModule,
        VariancesModule,
        VarianceImpactModule,
        ComplianceModelModule,
        BuildoutModule,
        PrioritiesModule,
        CommitteesModule,
        RoadmapModule,
        GovernanceMetricsModule,
      ],
    };
  }
}
