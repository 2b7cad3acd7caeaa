// The compliance read model a service keeps: intervals of each project × version state, kept by facts and the clock.
export { ComplianceModel } from './compliance-model';
export { ComplianceReadModel } from './compliance-read-model';
export { ComplianceModelKeeper, type ModelClock } from './compliance-model-keeper';
export {
  ComplianceQueries,
  encodeComplianceCursor,
  decodeComplianceCursor,
  type ComplianceCursor,
  type ComplianceModelRow,
  type GroupCounts,
} from './compliance-queries';
export { assembleHistories } from './assemble-histories';
export { historiesFrom } from './project-facts';
export { checkComplianceModel, type ComplianceCheck } from './compliance-check';
export {
  createComplianceModel,
  dropComplianceModel,
  addStandardToMarks,
  createFactTriggers,
  dropStandardFromMarks,
  replaceFactTriggerBodies,
  dropFactTriggers,
  versionTriggerBody,
  markDecisionsPerStatement,
  markDecisionsPerRow,
  type DecisionTable,
  type FactTrigger,
} from './create-compliance-model';
export { createKeptCounts, dropKeptCounts } from './kept-counts';
export { indexIntervalsByStandard, dropIntervalsByStandard } from './standard-index';
export {
  bumpVersionOnProjectLabels,
  bumpVersionWithoutLock,
  createViewsVersion,
  dropProjectLabelsBump,
  dropViewsVersion,
  lockModelBeforeVersionBump,
} from './views-version';
export type { ComplianceModelConfig } from './compliance-model-config';
export {
  ComplianceViews,
  type ComplianceSummaryView,
  type ComplianceHeatmapView,
  type ComplianceRowsView,
  type JsonAnswer,
  type ProgramLabel,
  type SelectionFilter,
} from './compliance-views';
export { ComplianceSummaryResponse, ComplianceHeatmapResponse, ComplianceRowsPageResponse } from './compliance-views.response';
export { ComplianceRollupResponse, ComplianceRowResponse } from './compliance-rows.response';
