import type { ServiceSchema } from '@pmo/http';
import { PmoAssessmentEntity } from './buildout/pmo-assessment.entity';
import { PmoFoundationEntity } from './buildout/pmo-foundation.entity';
import { PmoOfferingEntity } from './buildout/pmo-offering.entity';
import { PmoWaveEntity } from './buildout/pmo-wave.entity';
import { AgendaItemEntity } from './committees/agenda-item.entity';
import { CommitteeDecisionEntity } from './committees/committee-decision.entity';
import { CommitteeMeetingEntity } from './committees/committee-meeting.entity';
import { SteeringCommitteeEntity } from './committees/steering-committee.entity';
import { CreateSteeringCommittees1764000004100 } from './migrations/1764000004100-CreateSteeringCommittees';
import { CreatePmoBuildout1764000003500 } from './migrations/1764000003500-CreatePmoBuildout';
import { CreatePortfolioComplianceModel1764000003000 } from './migrations/1764000003000-CreatePortfolioComplianceModel';
import { AddFeedbackOrigin1764000003601 } from './migrations/1764000003601-AddFeedbackOrigin';
import { CreatePriorities1764000004000 } from './migrations/1764000004000-CreatePriorities';
import { PriorityChangeEntity } from './priorities/priority-change.entity';
import { PriorityRankingEntity } from './priorities/priority-ranking.entity';
import { PriorityRequestEntity } from './priorities/priority-request.entity';
import { AddStatusReportHealth1764000004300 } from './migrations/1764000004300-AddStatusReportHealth';
import { CreateOutboxAndInbox1764000000000 } from '@pmo/messaging';
import { AuditDomainTime1764000001100, ChainAuditLog1764000000110, CreateAuditLog1764000000100, SealAuditLogAfterCommit1764000000120 } from '@pmo/persistence';
import { CreatePortfolio1764000000400 } from './migrations/1764000000400-CreatePortfolio';
import { AddPortfolioCompliance1764000000410 } from './migrations/1764000000410-AddPortfolioCompliance';
import { AddChoicesAndStatusReports1764000000420 } from './migrations/1764000000420-AddChoicesAndStatusReports';
import { AddProjectClosing1764000000430 } from './migrations/1764000000430-AddProjectClosing';
import { AddPortfolioProgramCodes1764000000440 } from './migrations/1764000000440-AddPortfolioProgramCodes';
import { PortfolioStatusReportEntity } from './portfolio/portfolio-status-report.entity';
import { PortfolioAdoptionDecisionEntity } from './portfolio/portfolio-adoption-decision.entity';
import { CreateStandards1764000000500 } from './migrations/1764000000500-CreateStandards';
import { AddRenewalsAndGrandfathering1764000001310 } from './migrations/1764000001310-AddRenewalsAndGrandfathering';
import { AddReopenedDecisions1764000002000 } from './migrations/1764000002000-AddReopenedDecisions';
import { PortfolioProgramEntity } from './portfolio/portfolio-program.entity';
import { PortfolioProjectEntity } from './portfolio/portfolio-project.entity';
import { WaveOpeningEntity } from './rollouts/wave-opening.entity';
import { StandardVersionEntity } from './standards/standard-version.entity';
import { StandardEntity } from './standards/standard.entity';
import { CreateVarianceCases1764000000700 } from './migrations/1764000000700-CreateVarianceCases';
import { AddVarianceEscalation1764000000710 } from './migrations/1764000000710-AddVarianceEscalation';
import { CreateFeedbackItems1764000000720 } from './migrations/1764000000720-CreateFeedbackItems';
import { AddVarianceTracking1764000000730 } from './migrations/1764000000730-AddVarianceTracking';
import { AddVarianceDeviations1764000001000 } from './migrations/1764000001000-AddVarianceDeviations';
import { AllowPublishedVariants1764000001010 } from './migrations/1764000001010-AllowPublishedVariants';
import { AddPortfolioProjectCodes1764000001200 } from './migrations/1764000001200-AddPortfolioProjectCodes';
import { FeedbackItemEntity } from './feedback/feedback-item.entity';
import { VarianceCaseEntity } from './variances/variance-case.entity';
import { RoadmapProjectPlanEntity } from './roadmap/roadmap-project-plan.entity';
import { CreateRoadmapProjectPlans1764000004210 } from './migrations/1764000004210-CreateRoadmapProjectPlans';
import { MarkPortfolioComplianceByStandard1764000005000 } from './migrations/1764000005000-MarkComplianceByStandard';
import { KeepPortfolioOpenComplianceCounts1764000005020 } from './migrations/1764000005020-KeepOpenComplianceCounts';
import { VersionPortfolioComplianceViews1764000005350 } from './migrations/1764000005350-VersionPortfolioComplianceViews';
import { IndexPortfolioComplianceByStandard1764000005540 } from './migrations/1764000005540-IndexPortfolioComplianceByStandard';
import { LockPortfolioModelBeforeVersionBump1764000005570 } from './migrations/1764000005570-LockPortfolioModelBeforeVersionBump';
import { KeepPortfolioFirstPagesByLabels1764000005600 } from './migrations/1764000005600-KeepPortfolioFirstPagesByLabels';
import { MarkPortfolioDecisionsPerStatement1764000005610 } from './migrations/1764000005610-MarkDecisionsPerStatement';

/** strategic-pmo's tables: the entities TypeORM maps and the migrations that create them, in order (run at start or by `main.js migrate`). */
export const strategicPmoSchema: ServiceSchema = {
  entities: [
    FeedbackItemEntity,
    VarianceCaseEntity,
    PortfolioAdoptionDecisionEntity,
    PortfolioStatusReportEntity,
    PortfolioProgramEntity,
    PortfolioProjectEntity,
    StandardEntity,
    StandardVersionEntity,
    WaveOpeningEntity,
    PmoFoundationEntity,
    PmoAssessmentEntity,
    PmoOfferingEntity,
    PmoWaveEntity,
    PriorityRankingEntity,
    PriorityChangeEntity,
    PriorityRequestEntity,
    SteeringCommitteeEntity,
    CommitteeMeetingEntity,
    AgendaItemEntity,
    CommitteeDecisionEntity,
    RoadmapProjectPlanEntity,
  ],
  migrations: [
    CreateOutboxAndInbox1764000000000,
    CreateAuditLog1764000000100,
    ChainAuditLog1764000000110,
    SealAuditLogAfterCommit1764000000120,
    AuditDomainTime1764000001100,
    CreatePortfolio1764000000400,
    AddPortfolioCompliance1764000000410,
    AddChoicesAndStatusReports1764000000420,
    AddProjectClosing1764000000430,
    AddPortfolioProgramCodes1764000000440,
    CreateStandards1764000000500,
    CreateVarianceCases1764000000700,
    AddVarianceEscalation1764000000710,
    CreateFeedbackItems1764000000720,
    AddVarianceTracking1764000000730,
    AddVarianceDeviations1764000001000,
    AllowPublishedVariants1764000001010,
    AddPortfolioProjectCodes1764000001200,
    AddRenewalsAndGrandfathering1764000001310,
    AddReopenedDecisions1764000002000,
    CreatePortfolioComplianceModel1764000003000,
    CreatePmoBuildout1764000003500,
    AddFeedbackOrigin1764000003601,
    CreatePriorities1764000004000,
    CreateSteeringCommittees1764000004100,
    CreateRoadmapProjectPlans1764000004210,
    AddStatusReportHealth1764000004300,
    MarkPortfolioComplianceByStandard1764000005000,
    KeepPortfolioOpenComplianceCounts1764000005020,
    VersionPortfolioComplianceViews1764000005350,
    IndexPortfolioComplianceByStandard1764000005540,
    LockPortfolioModelBeforeVersionBump1764000005570,
    KeepPortfolioFirstPagesByLabels1764000005600,
    MarkPortfolioDecisionsPerStatement1764000005610,
  ],
};
