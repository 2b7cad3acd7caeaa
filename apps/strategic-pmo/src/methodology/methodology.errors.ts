import { DomainError } from '@pmo/http';

/** The playbook files are not valid YAML: every error with its file, line and column. */
export class PlaybookSyntaxError extends DomainError {
  readonly code = 'PLAYBOOK.INVALID_YAML';
  readonly kind = 'invalid';

  constructor(override readonly details: { file: string; line: number; column: number; message: string }[]) {
    super(`the playbook is not valid YAML: ${details.map((d) => `${d.file} line ${d.line} column ${d.column}: ${d.message}`).join('; ')}`);
  }
}

/** Valid YAML whose key tasks are wrongly shaped: every problem with its file and JSON path. */
export class PlaybookStructureError extends DomainError {
  readonly code = 'PLAYBOOK.INVALID_STRUCTURE';
  readonly kind = 'unprocessable';

  constructor(override readonly details: { file: string; path: string; message: string }[]) {
    super(`the playbook is not well formed: ${details.map((d) => `${d.file} ${d.path}: ${d.message}`).join('; ')}`);
  }
}

export class KeyTaskNotFoundError extends DomainError {
  readonly code = 'PLAYBOOK.KEY_TASK_NOT_FOUND';
  readonly kind = 'not-found';

  constructor(label: string) {
    super(`the playbook has no key task ${label}`);
  }
}

export class NoPlaybookError extends DomainError {
  readonly code = 'PLAYBOOK.MISSING';
  readonly kind = 'not-found';

  constructor(version: string) {
    super(`version ${version} has no playbook`);
  }
}
