import { Module, type DynamicModule } from '@nestjs/common';
import { serviceInfrastructure, type ServiceRuntime } from '@pmo/http';
import { projectPmoSchema } from './schema';
import { VariancesModule } from './variances/variances.module';
import { ReportsModule } from './reports/reports.module';
import { ProgramsModule } from './programs/programs.module';
import { ProjectsModule } from './projects/projects.module';
import { MilestonesModule } from './milestones/milestones.module';

@Module({})
export class AppModule {
  static forRoot(runtime: ServiceRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [...serviceInfrastructure(runtime, projectPmoSchema), ProgramsModule, ProjectsModule, ReportsModule, VariancesModule, MilestonesModule],
    };
  }
}
