import { Module, type DynamicModule } from '@nestjs/common';
import { ComplianceModelModule } from './compliance/compliance-model.module';
import { serviceInfrastructure, type ServiceRuntime } from '@pmo/http';
import { programPmoSchema } from './schema';
import { AdoptionsModule } from './adoptions/adoptions.module';
import { FeedbackModule } from './feedback/feedback.module';
import { VariancesModule } from './variances/variances.module';
import { ProgramsModule } from './programs/programs.module';

@Module({})
export class AppModule {
  static forRoot(runtime: ServiceRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [...serviceInfrastructure(runtime, programPmoSchema), ProgramsModule, AdoptionsModule, ComplianceModelModule, VariancesModule, FeedbackModule],
    };
  }
}
