import type { ServiceSchema } from '@pmo/http';
import { CreateOutboxAndInbox1764000000000 } from '@pmo/messaging';
import { AuditDomainTime1764000001100, ChainAuditLog1764000000110, CreateAuditLog1764000000100, SealAuditLogAfterCommit1764000000120 } from '@pmo/persistence';
import { AddReportSchema1764000000610, CreateStandardsView1764000000600, PublishedVersionEntity, WaveOpeningViewEntity } from '@pmo/standards-view';
import { AdoptionCallEntity } from './adoptions/adoption-call.entity';
import { AdoptionDecisionEntity } from './adoptions/adoption-decision.entity';
import { GrandfatheringPolicyEntity } from './adoptions/grandfathering-policy.entity';
import { AddRenewalsAndGrandfathering1764000001300 } from './migrations/1764000001300-AddRenewalsAndGrandfathering';
import { AddCarriedDecisions1764000002001 } from './migrations/1764000002001-AddCarriedDecisions';
import { CreateProgramComplianceModel1764000003010 } from './migrations/1764000003010-CreateProgramComplianceModel';
import { CreatePrograms1764000000200 } from './migrations/1764000000200-CreatePrograms';
import { AddProjectProgress1764000000210 } from './migrations/1764000000210-AddProjectProgress';
import { CreateAdoptionDecisions1764000000220 } from './migrations/1764000000220-CreateAdoptionDecisions';
import { CreateProgramStatusReports1764000000230 } from './migrations/1764000000230-CreateProgramStatusReports';
import { AddProjectClosing1764000000240 } from './migrations/1764000000240-AddProjectClosing';
import { CreateOverdueNotices1764000000250 } from './migrations/1764000000250-CreateOverdueNotices';
import { CreateVarianceRequests1764000000260 } from './migrations/1764000000260-CreateVarianceRequests';
import { CreateProgramFeedback1764000000270 } from './migrations/1764000000270-CreateProgramFeedback';
import { AddProgramCodes1764000000299 } from './migrations/1764000000299-AddProgramCodes';
import { AddVarianceFollowUp1764000000280 } from './migrations/1764000000280-AddVarianceFollowUp';
import { AddVarianceDeviations1764000001000 } from './migrations/1764000001000-AddVarianceDeviations';
import { MarkProgramComplianceByStandard1764000005010 } from './migrations/1764000005010-MarkComplianceByStandard';
import { KeepProgramOpenComplianceCounts1764000005030 } from './migrations/1764000005030-KeepOpenComplianceCounts';
import { VersionProgramComplianceViews1764000005360 } from './migrations/1764000005360-VersionProgramComplianceViews';
import { IndexProgramComplianceByStandard1764000005550 } from './migrations/1764000005550-IndexProgramComplianceByStandard';
import { LockProgramModelBeforeVersionBump1764000005580 } from './migrations/1764000005580-LockProgramModelBeforeVersionBump';
import { KeepRequestFingerprints1764000005590 } from './migrations/1764000005590-KeepRequestFingerprints';
import { KeepProgramFirstPagesByLabels1764000005600 } from './migrations/1764000005600-KeepProgramFirstPagesByLabels';
import { MarkProgramDecisionsPerStatement1764000005610 } from './migrations/1764000005610-MarkDecisionsPerStatement';
import { KeepAdoptionCalls1764000005620 } from './migrations/1764000005620-KeepAdoptionCalls';
import { KeepProgramRegistrationCalls1764000005630 } from './migrations/1764000005630-KeepProgramRegistrationCalls';
import { ProgramRegistrationCallEntity } from './programs/program-registration-call.entity';
import { VarianceNoticeEntity } from './variances/variance-notice.entity';
import { VariancePolicyEntity } from './variances/variance-policy.entity';
import { VarianceProposalEntity } from './variances/variance-proposal.entity';
import { ProgramFeedbackEntity } from './feedback/program-feedback.entity';
import { VarianceRequestEntity } from './variances/variance-request.entity';
import { OverdueNoticeEntity } from './adoptions/overdue-notice.entity';
import { ProgramStatusReportEntity } from './adoptions/program-status-report.entity';
import { ProgramEntity } from './programs/program.entity';
import { ProgramProjectEntity } from './projects/program-project.entity';

/** program-pmo's tables: the entities TypeORM maps and the migrations that create them, in order (run at start or by `main.js migrate`). */
export const programPmoSchema: ServiceSchema = {
  entities: [
    ProgramFeedbackEntity,
    VarianceRequestEntity,
    VarianceNoticeEntity,
    VariancePolicyEntity,
    VarianceProposalEntity,
    AdoptionDecisionEntity,
    AdoptionCallEntity,
    ProgramRegistrationCallEntity,
    GrandfatheringPolicyEntity,
    OverdueNoticeEntity,
    ProgramStatusReportEntity,
    PublishedVersionEntity,
    WaveOpeningViewEntity,
    ProgramEntity,
    ProgramProjectEntity,
  ],
  migrations: [
    CreateOutboxAndInbox1764000000000,
    CreateAuditLog1764000000100,
    ChainAuditLog1764000000110,
    SealAuditLogAfterCommit1764000000120,
    AuditDomainTime1764000001100,
    CreatePrograms1764000000200,
    AddProjectProgress1764000000210,
    CreateAdoptionDecisions1764000000220,
    CreateProgramStatusReports1764000000230,
    AddProjectClosing1764000000240,
    CreateOverdueNotices1764000000250,
    CreateVarianceRequests1764000000260,
    CreateProgramFeedback1764000000270,
    AddVarianceFollowUp1764000000280,
    AddProgramCodes1764000000299,
    CreateStandardsView1764000000600,
    AddReportSchema1764000000610,
    AddVarianceDeviations1764000001000,
    AddRenewalsAndGrandfathering1764000001300,
    AddCarriedDecisions1764000002001,
    CreateProgramComplianceModel1764000003010,
    MarkProgramComplianceByStandard1764000005010,
    KeepProgramOpenComplianceCounts1764000005030,
    VersionProgramComplianceViews1764000005360,
    IndexProgramComplianceByStandard1764000005550,
    LockProgramModelBeforeVersionBump1764000005580,
    KeepRequestFingerprints1764000005590,
    KeepProgramFirstPagesByLabels1764000005600,
    MarkProgramDecisionsPerStatement1764000005610,
    KeepAdoptionCalls1764000005620,
    KeepProgramRegistrationCalls1764000005630,
  ],
};
