import { Module, type DynamicModule } from '@nestjs/common';
import { serviceInfrastructure, type ServiceRuntime } from '@pmo/http';
import { CreateOutboxAndInbox1764000000000 } from '@pmo/messaging';
import { AuditDomainTime1764000001100, ChainAuditLog1764000000110, CreateAuditLog1764000000100, SealAuditLogAfterCommit1764000000120 } from '@pmo/persistence';
import { AddReportSchema1764000000610, CreateStandardsView1764000000600, PublishedVersionEntity, WaveOpeningViewEntity } from '@pmo/standards-view';
import { CreateProjects1764000000300 } from './migrations/1764000000300-CreateProjects';
import { AddProjectProgress1764000000310 } from './migrations/1764000000310-AddProjectProgress';
import { CreateReportsAndImplementationStatus1764000000320 } from './migrations/1764000000320-CreateReportsAndImplementationStatus';
import { AddProjectClosing1764000000330 } from './migrations/1764000000330-AddProjectClosing';
import { AddProjectDates1764000000340 } from './migrations/1764000000340-AddProjectDates';
import { AddProjectCodes1764000000399 } from './migrations/1764000000399-AddProjectCodes';
import { CreateVarianceProposals1764000000350 } from './migrations/1764000000350-CreateVarianceProposals';
import { AddVarianceDeviations1764000001000 } from './migrations/1764000001000-AddVarianceDeviations';
import { CreateProjectReviews1764000003600 } from './migrations/1764000003600-CreateProjectReviews';
import { ProjectLessonEntity } from './reviews/project-lesson.entity';
import { ProjectReviewEntity } from './reviews/project-review.entity';
import { VarianceProposalEntity } from './variances/variance-proposal.entity';
import { VariancesModule } from './variances/variances.module';
import { ImplementationStatusEntity } from './reports/implementation-status.entity';
import { ReportsModule } from './reports/reports.module';
import { StatusReportEntity } from './reports/status-report.entity';
import { KnownProgramEntity } from './programs/known-program.entity';
import { ProgramsModule } from './programs/programs.module';
import { ProjectEntity } from './projects/project.entity';
import { ProjectsModule } from './projects/projects.module';

@Module({})
export class AppModule {
  static forRoot(runtime: ServiceRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceInfrastructure(runtime, {
          entities: [
            VarianceProposalEntity,
            ImplementationStatusEntity,
            StatusReportEntity,
            PublishedVersionEntity,
            WaveOpeningViewEntity,
            KnownProgramEntity,
            ProjectEntity,
            ProjectReviewEntity,
            ProjectLessonEntity,
          ],
          migrations: [
            CreateOutboxAndInbox1764000000000,
            CreateAuditLog1764000000100,
            ChainAuditLog1764000000110,
            SealAuditLogAfterCommit1764000000120,
            AuditDomainTime1764000001100,
            CreateProjects1764000000300,
            AddProjectProgress1764000000310,
            CreateReportsAndImplementationStatus1764000000320,
            AddProjectClosing1764000000330,
            AddProjectDates1764000000340,
            CreateVarianceProposals1764000000350,
            AddProjectCodes1764000000399,
            CreateStandardsView1764000000600,
            AddReportSchema1764000000610,
            AddVarianceDeviations1764000001000,
            CreateProjectReviews1764000003600,
          ],
        }),
        ProgramsModule,
        ProjectsModule,
        ReportsModule,
        VariancesModule,
      ],
    };
  }
}
