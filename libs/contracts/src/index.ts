// Contracts, each declared once as a TypeBox schema: event payloads (CloudEvents envelopes, types, topics) and the HTTP bodies derived from them. No framework code.
export { EVENT_SPEC_VERSION, EVENT_CONTENT_TYPE, buildEvent, type PmoEvent, type BuildEventInput } from './envelope';
export { csvCell } from './csv-cell';
export { defineEvent, type EventDefinition, type JsonSchema } from './event-definition';
export { EVENT_CATALOG, PLATFORM_TOPICS, deadLetterTopicOf, eventDefinitionOf, type PmoEventMap, type PmoEventType } from './catalog';
export { validateEventData, type EventValidationResult } from './event-validation';
export { PMO_SERVICES, eventSourceOf, type PmoService } from './services';
export { checkEventSource, type SourceCheck } from './event-ownership';
export { topicAccessOf, type TopicAccess } from './topic-access';
export { conditionId } from './schemas';
export { USER_SCHEMA_CACHE_SIZE, compiledUserSchemaCount, strictSchemaProblemOf, userSchemaValidatorOf } from './user-schema-validation';
export { checkFields, checkSchema, validatorOf, type FieldCheck, type FieldProblem, type SchemaCheck } from './schema-validation';
export { registerProgramBody, type RegisterProgramBody } from './programs/program-bodies';
export {
  PROJECT_PHASES,
  closeProjectBody,
  registerProjectBody,
  setImplementationStatusBody,
  updateProjectBody,
  type CloseProjectBody,
  type ProjectPhase,
  type RegisterProjectBody,
  type SetImplementationStatusBody,
  type UpdateProjectBody,
} from './projects/project-bodies';
export { submitStatusReportBody, type SubmitStatusReportBody } from './reports/report-bodies';
export { reportProblemsOf, type ReportProblem } from './reports/report-problems';
export {
  HEALTH_KEYWORD,
  HEALTH_MEASURES,
  HEALTH_RATINGS,
  healthFieldsOf,
  reportHealthOf,
  type HealthField,
  type HealthMeasure,
  type HealthRating,
  type ReportHealth,
} from './reports/report-health';
export { METRIC_WEEKS, metricsQuery, type MetricsQuery } from './metrics/metrics-queries';
export { decideAdoptionBody, type DecideAdoptionBody } from './adoptions/adoption-bodies';
export { submitFeedbackBody, triageFeedbackBody, type SubmitFeedbackBody, type TriageFeedbackBody } from './feedback/feedback-bodies';
export {
  decideRenewalBody,
  decideVarianceBody,
  listVariancesQuery,
  proposeVarianceBody,
  reasonBody,
  renewVarianceBody,
  requestVarianceBody,
  type DecideRenewalBody,
  type DecideVarianceBody,
  type ListVariancesQuery,
  type ProposeVarianceBody,
  type ReasonBody,
  type RenewVarianceBody,
  type RequestVarianceBody,
} from './variances/variance-bodies';
export {
  createStandardBody,
  createVersionBody,
  grandfatheringPolicyBody,
  publishVersionBody,
  retireVersionBody,
  updateVersionBody,
  validateReportBody,
  variancePolicyBody,
  versionDiffQuery,
  listStandardsQuery,
  importPlaybookQuery,
  exportPlaybookQuery,
  raciQuery,
  type ListStandardsQuery,
  type StandardSort,
  type ImportPlaybookQuery,
  type ExportPlaybookQuery,
  type RaciQuery,
  type CreateStandardBody,
  type CreateVersionBody,
  type GrandfatheringPolicyBody,
  type PublishVersionBody,
  type RetireVersionBody,
  type UpdateVersionBody,
  type ValidateReportBody,
  type VariancePolicyBody,
  type VersionDiffQuery,
} from './standards/standard-bodies';
export {
  MATURITY_LEVELS,
  OFFERING_STATES,
  PMO_ELEMENTS,
  PMO_OFFICE_TYPES,
  addOfferingBody,
  offeringStateBody,
  planWaveBody,
  recordAssessmentBody,
  recordFoundationBody,
  type AddOfferingBody,
  type OfferingState,
  type OfferingStateBody,
  type PlanWaveBody,
  type PmoElement,
  type PmoOfficeType,
  type RecordAssessmentBody,
  type RecordFoundationBody,
} from './buildout/buildout-bodies';
export {
  COMMITTEE_CADENCES,
  COMMITTEE_ROLES,
  closeMeetingBody,
  createCommitteeBody,
  recordAttendanceBody,
  recordResolutionBody,
  reviewVarianceBody,
  scheduleMeetingBody,
  type CloseMeetingBody,
  type CommitteeCadence,
  type CommitteeRole,
  type CreateCommitteeBody,
  updateCommitteeBody,
  type UpdateCommitteeBody,
  type RecordAttendanceBody,
  type RecordResolutionBody,
  type ResolutionOutcome,
  type ReviewVarianceBody,
  type ScheduleMeetingBody,
} from './committees/committee-bodies';
export { programRegisteredV1, type ProgramRegisteredV1 } from './programs/program-registered.v1';
export { projectRegisteredV1, type ProjectRegisteredV1 } from './projects/project-registered.v1';
export {
  STANDARD_KINDS,
  STANDARD_LEVELS,
  VERSION_STATES,
  type StandardKind,
  type StandardLevel,
  type VersionState,
  type Leeway,
  type Requirement,
  type Applicability,
} from './standards/standard-model';
export { standardVersionPublishedV1, type StandardVersionPublishedV1, type RolloutWaveV1 } from './standards/standard-version-published.v1';
export { standardVersionSupersededV1, type StandardVersionSupersededV1 } from './standards/standard-version-superseded.v1';
export { standardVersionRetiredV1, type StandardVersionRetiredV1 } from './standards/standard-version-retired.v1';
export { rolloutWaveOpenedV1, type RolloutWaveOpenedV1 } from './standards/rollout-wave-opened.v1';
export {
  appliesToProgram,
  governingVersions,
  sameApplicability,
  specificityOf,
  waveCoversProgram,
  waveForProgram,
  type ProgramInScope,
} from './standards/standard-scope';
export { rolloutCoverage, type PublishedVariant, type RolloutCoverage } from './standards/rollout-coverage';
export { applicabilitySchema, requirementSchema, rolloutWaveSchema, leewaySchema } from './standards/standard-schemas';
export type { CheckResult } from './compliance/check-result';
export { checkChoiceWithinLeeway, describeLeeway, compareLeeway, type LeewayComparison } from './compliance/leeway';
export {
  COMPLIANCE_STATES,
  ADOPTION_DECISIONS,
  VARIANCE_STATES,
  complianceStateOf,
  isCompliant,
  type ComplianceState,
  type AdoptionDecision,
  type VarianceState,
  type AdoptionDecisionRecord,
  type VarianceStanding,
  type ReportCadence,
  type ComplianceInput,
} from './compliance/compliance-state';
export {
  canGrandfather,
  checkGrandfatheringThreshold,
  DEFAULT_GRANDFATHERING_THRESHOLD_PERCENT,
  type GrandfatheringCandidate,
} from './compliance/grandfathering';
export { checkTailoring, type TailoringCheck, type TailoringProblem } from './compliance/tailoring';
export { rollUp, rollUpBy, rollUpCounts, type ComplianceRow, type ComplianceRollup, type RollupKey } from './compliance/compliance-rollup';
export { HEATMAP_STATES, heatmapCell, heatmapCellCounts, type HeatmapCellTuple } from './compliance/heatmap-cells';
export {
  complianceRows,
  varianceDecisionOf,
  REPORTING_CADENCE_REQUIREMENT,
  type VersionFacts,
  type ProjectFacts,
  type DecisionFacts,
  type ReportFacts,
  type VarianceFacts,
  type ComplianceRowFacts,
} from './compliance/compliance-rows';
export {
  complianceTimeline,
  complianceChangeTimes,
  type ProjectComplianceHistory,
  type ComplianceInterval,
  type ComplianceTimeline,
} from './compliance/compliance-timeline';
export { adoptionDecidedV1, type AdoptionDecidedV1 } from './adoptions/adoption-decided.v1';
export {
  carryForward,
  decisionsToCarry,
  type CarriedDecision,
  type DecisionOnVersion,
  type DecisionToCarry,
  type ReopenedRequirement,
  type SupersededVersion,
} from './adoptions/carry-forward';
export { type RequirementChange } from './standards/requirement-change';
export { projectUpdatedV1, type ProjectUpdatedV1 } from './projects/project-updated.v1';
export {
  complianceFilterQuery,
  complianceRowsQuery,
  programComplianceFilterQuery,
  programComplianceRowsQuery,
  programComplianceQuery,
  portfolioComplianceQuery,
  type ProgramComplianceQuery,
  type PortfolioComplianceQuery,
  type ComplianceFilterQuery,
  type ComplianceRowsQuery,
  type ProgramComplianceFilterQuery,
  type ProgramComplianceRowsQuery,
} from './compliance/compliance-queries';
export { complianceCsv, complianceCsvHeader, complianceCsvLine } from './compliance/compliance-csv';
export { labelComplianceRows, type EntityLabel, type ComplianceRowLabels, type LabelledComplianceRow } from './compliance/compliance-row-labels';
export { statusReportSubmittedV1, type StatusReportSubmittedV1 } from './reports/status-report-submitted.v1';
export {
  implementationStatusChangedV1,
  IMPLEMENTATION_STATUSES,
  type ImplementationStatus,
  type ImplementationStatusChangedV1,
} from './projects/implementation-status-changed.v1';
export { projectClosedV1, type ProjectClosedV1 } from './projects/project-closed.v1';
export { lessonSentAsFeedbackV1, type LessonSentAsFeedbackV1 } from './projects/lesson-sent-as-feedback.v1';
export {
  MAX_MILESTONES_PER_PROJECT,
  MILESTONE_KINDS,
  projectScheduleChangedV1,
  type MilestoneKind,
  type ProjectScheduleChangedV1,
} from './projects/project-schedule-changed.v1';
export { addMilestoneBody, changeMilestoneBody, type AddMilestoneBody, type ChangeMilestoneBody } from './projects/milestone-bodies';
export {
  ROADMAP_KINDS,
  roadmapFilterQuery,
  roadmapKindsOf,
  roadmapQuery,
  type RoadmapFilterQuery,
  type RoadmapKind,
  type RoadmapQuery,
} from './roadmap/roadmap-queries';
export {
  DELIVERY_OUTCOMES,
  LESSON_CATEGORIES,
  sendLessonAsFeedbackBody,
  type DeliveryOutcome,
  type LessonCategory,
  type LessonInput,
  type ProjectReviewBody,
  type SendLessonAsFeedbackBody,
} from './projects/project-review';
export { adoptionOverdueV1, type AdoptionOverdueV1 } from './adoptions/adoption-overdue.v1';
export { VARIANCE_TRANSITIONS, checkVarianceTransition, decisionDueOn, riskScore } from './variances/variance-lifecycle';
export { varianceRequestedV1, type VarianceRequestedV1 } from './variances/variance-requested.v1';
export { varianceDecidedV1, type VarianceDecidedV1, type VarianceConditionV1 } from './variances/variance-decided.v1';
export { varianceExpiredV1, type VarianceExpiredV1 } from './variances/variance-expired.v1';
export { varianceEscalatedV1, type VarianceEscalatedV1 } from './variances/variance-escalated.v1';
export {
  varianceProposedV1,
  varianceProposalAnsweredV1,
  type VarianceProposedV1,
  type VarianceProposalAnsweredV1,
} from './variances/variance-proposal-events.v1';
export { varianceWithdrawnV1, type VarianceWithdrawnV1 } from './variances/variance-withdrawn.v1';
export {
  varianceConditionMetV1,
  varianceConditionsOverdueV1,
  type VarianceConditionMetV1,
  type VarianceConditionsOverdueV1,
} from './variances/variance-condition-events.v1';
export { varianceReviewNeededV1, varianceReviewedV1, type VarianceReviewNeededV1, type VarianceReviewedV1 } from './variances/variance-review-events.v1';
export { standardVariancePolicySetV1, type StandardVariancePolicySetV1 } from './standards/standard-variance-policy-set.v1';
export { standardGrandfatheringPolicySetV1, type StandardGrandfatheringPolicySetV1 } from './standards/standard-grandfathering-policy-set.v1';
export {
  varianceRenewalRequestedV1,
  varianceRenewalDecidedV1,
  type VarianceRenewalRequestedV1,
  type VarianceRenewalDecidedV1,
} from './variances/variance-renewal-events.v1';
export { RENEWAL_STATES, checkRenewable, checkRenewalExpiry, checkRenewalTransition, type RenewalState } from './variances/variance-renewal';
export {
  DEFAULT_LONGEST_VARIANCE_MONTHS,
  DEFAULT_DECISION_SLA_BUSINESS_DAYS,
  DEFAULT_VARIANCE_POLICY,
  checkVarianceExpiry,
  latestVarianceExpiry,
  overdueConditionIds,
  type VariancePolicy,
  type TrackedCondition,
} from './variances/variance-policy';
export { deviationProblems, type Deviation } from './variances/deviations';
export { deviationsSchema } from './variances/variance-schemas';
export { groundChanges, type ProjectGround, type VarianceGround } from './variances/variance-ground';
export { assumingApproved, complianceImpact, type ComplianceImpact, type ImpactChange, type ImpactFigures } from './variances/variance-impact';
export {
  FEEDBACK_CATEGORIES,
  feedbackSubmittedV1,
  feedbackTriagedV1,
  type FeedbackCategory,
  type FeedbackSubmittedV1,
  type FeedbackTriagedV1,
} from './feedback/feedback-events.v1';
export {
  CRITERION_SCORE_MAX,
  PRIORITY_REQUEST_STATES,
  PRIORITY_ROLES,
  PRIORITY_SCOPES,
  priorityChangeBody,
  priorityDecisionBody,
  priorityPolicySchema,
  priorityRequestsQuery,
  rankingQuery,
  type PriorityChangeBody,
  type PriorityDecisionBody,
  type PriorityPolicy,
  type PriorityRequestState,
  type PriorityRequestsQuery,
  type PriorityScope,
  type RankRule,
  type RankingQuery,
} from './priorities/priority-bodies';
