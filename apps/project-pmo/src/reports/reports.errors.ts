import { DomainError } from '@pmo/http';

export class ReportFormatNotFoundError extends DomainError {
  readonly code = 'REPORT.FORMAT_NOT_FOUND';
  readonly kind = 'unprocessable';

  constructor(versionId: string) {
    super(`${versionId} is not a published report format version known to project-pmo`);
  }
}

/** The report does not match its format's JSON Schema: every error with its path. */
export class InvalidStatusReportError extends DomainError {
  readonly code = 'REPORT.INVALID';
  readonly kind = 'unprocessable';

  constructor(override readonly details: { path: string; message: string }[]) {
    super(`the status report does not match its format: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`);
  }
}

export class RequirementNotApplicableError extends DomainError {
  readonly code = 'IMPLEMENTATION.REQUIREMENT_NOT_IN_FORCE';
  readonly kind = 'unprocessable';

  constructor(requirementId: string, versionId: string) {
    super(`requirement ${requirementId} of version ${versionId} is not in force for this project`);
  }
}
