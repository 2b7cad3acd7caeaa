import { Type, type Static } from '@sinclair/typebox';
import { closedObject, isoDateTime, slugTag, standardKey, stringEnum, uuid } from '../schemas';
import { COMPLIANCE_STATES } from './compliance-state';

const filters = {
  asOf: Type.Optional({ ...isoDateTime, description: 'The compliance as it stood at this instant (default: now)' }),
  standard: Type.Optional({ ...standardKey, description: 'Only this standard (its key)' }),
  state: Type.Optional(stringEnum(COMPLIANCE_STATES, { description: 'Only rows in this state' })),
  tag: Type.Optional({ ...slugTag, description: 'Only programs with this tag' }),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "Text in the program's or the project's code or name" })),
};

/** GET …/compliance/summary and …/heatmap of a program: filters over the read model. */
export const programComplianceFilterQuery = closedObject(filters);
export type ProgramComplianceFilterQuery = Static<typeof programComplianceFilterQuery>;

/** GET /portfolio/compliance/summary and /heatmap: filters over the read model. */
export const complianceFilterQuery = closedObject({ ...filters, program: Type.Optional({ ...uuid, description: 'Only this program' }) });
export type ComplianceFilterQuery = Static<typeof complianceFilterQuery>;

const page = {
  after: Type.Optional(Type.String({ minLength: 1, maxLength: 400, description: 'The `next` cursor of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'Rows per page' })),
};

/** GET /portfolio/compliance/rows: one page of rows, in a stable order, after a cursor. */
export const complianceRowsQuery = closedObject({ ...complianceFilterQuery.properties, ...page });
export type ComplianceRowsQuery = Static<typeof complianceRowsQuery>;

/** GET /programs/{id}/compliance/rows: one page of a program's rows. */
export const programComplianceRowsQuery = closedObject({ ...filters, ...page });
export type ProgramComplianceRowsQuery = Static<typeof programComplianceRowsQuery>;

const asOfHistory = Type.Optional({
  ...isoDateTime,
  description: 'The compliance as it stood at this time, from the stored history',
  example: '2027-01-31T23:59:59Z',
});
const format = Type.Optional(stringEnum(['json', 'csv'] as const, { description: 'csv answers the rows as CSV (default json)' }));

/** GET /programs/{id}/compliance: the program's compliance, as of a time, filtered, as JSON or CSV. */
export const programComplianceQuery = closedObject({
  asOf: asOfHistory,
  standard: Type.Optional({ ...standardKey, description: 'Only this standard (its key)', example: 'status-reporting' }),
  state: Type.Optional(stringEnum(COMPLIANCE_STATES)),
  format,
});
export type ProgramComplianceQuery = Static<typeof programComplianceQuery>;

/** GET /portfolio/compliance: the portfolio's compliance, as of a time, filtered, as JSON or CSV. */
export const portfolioComplianceQuery = closedObject({
  asOf: asOfHistory,
  program: Type.Optional({ ...uuid, description: 'Only this program' }),
  standard: Type.Optional({ ...standardKey, description: 'Only this standard (its key)' }),
  tag: Type.Optional({ ...slugTag, description: 'Only programs with this tag' }),
  state: Type.Optional(stringEnum(COMPLIANCE_STATES)),
  format,
});
export type PortfolioComplianceQuery = Static<typeof portfolioComplianceQuery>;
