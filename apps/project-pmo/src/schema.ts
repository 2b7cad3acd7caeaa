import type { ServiceSchema } from '@pmo/http';
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
import { VarianceProposalEntity } from './variances/variance-proposal.entity';
import { ImplementationStatusEntity } from './reports/implementation-status.entity';
import { StatusReportEntity } from './reports/status-report.entity';
import { KnownProgramEntity } from './programs/known-program.entity';
import { ProjectEntity } from './projects/project.entity';
import { CreateProjectReviews1764000003600 } from './migrations/1764000003600-CreateProjectReviews';
import { ProjectLessonEntity } from './reviews/project-lesson.entity';
import { ProjectReviewEntity } from './reviews/project-review.entity';
import { ProjectMilestoneEntity } from './milestones/project-milestone.entity';
import { CreateProjectMilestones1764000004200 } from './migrations/1764000004200-CreateProjectMilestones';
import { KeepProposalFingerprints1764000005590 } from './migrations/1764000005590-KeepProposalFingerprints';
import { KeepProjectRegistrationCalls1764000005630 } from './migrations/1764000005630-KeepProjectRegistrationCalls';
import { ProjectRegistrationCallEntity } from './projects/project-registration-call.entity';

/** project-pmo's tables: the entities TypeORM maps and the migrations that create them, in order (run at start or by `main.js migrate`). */
export const projectPmoSchema: ServiceSchema = {
  entities: [
    VarianceProposalEntity,
    ImplementationStatusEntity,
    StatusReportEntity,
    PublishedVersionEntity,
    WaveOpeningViewEntity,
    KnownProgramEntity,
    ProjectEntity,
    ProjectRegistrationCallEntity,
    ProjectReviewEntity,
    ProjectLessonEntity,
    ProjectMilestoneEntity,
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
    CreateProjectMilestones1764000004200,
    KeepProposalFingerprints1764000005590,
    KeepProjectRegistrationCalls1764000005630,
  ],
};
