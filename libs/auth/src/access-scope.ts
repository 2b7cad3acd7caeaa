import type { Principal } from './principal';

/** Roles whose reach is the whole organisation: they see every program and project. */
export const ORGANISATION_WIDE_ROLES = ['strategic-admin', 'strategic-reviewer', 'auditor'] as const;

/**
 * The governance roles: every route without `@Roles(...)` is open to them and closed to everyone else
 * (a platform admin operates the platform and reads no governance data).
 */
export const GOVERNANCE_ROLES = ['strategic-admin', 'strategic-reviewer', 'program-manager', 'project-manager', 'auditor'] as const;

/** Keycloak group names that scope a manager: `program-<code>` and `project-<code>`. */
export const PROGRAM_GROUP_PREFIX = 'program-';
export const PROJECT_GROUP_PREFIX = 'project-';

/** What a scoped resource belongs to, as the service that holds it knows it. */
export interface ScopedResource {
  programCode: string;
  /** Set when the resource is a project or belongs to one. */
  projectCode?: string;
  /** The codes of the program's projects, so a project manager can reach the program of his project. */
  projectCodesOfProgram?: string[];
}

/**
 * Which programs and projects a caller may reach. Organisation-wide roles reach everything; a program
 * manager reaches the programs of his `program-<code>` groups and their projects; a project manager the
 * projects of his `project-<code>` groups and, to read and send feedback, their programs.
 */
export class AccessScope {
  private constructor(
    readonly organisationWide: boolean,
    readonly programCodes: ReadonlySet<string>,
    readonly projectCodes: ReadonlySet<string>,
  ) {}

  static of(principal: Pick<Principal, 'roles' | 'groups'>): AccessScope {
    const organisationWide = principal.roles.some((role) => (ORGANISATION_WIDE_ROLES as readonly string[]).includes(role));
    const programCodes = principal.roles.includes('program-manager') ? codesOf(principal.groups, PROGRAM_GROUP_PREFIX) : [];
    const projectCodes = principal.roles.includes('project-manager') ? codesOf(principal.groups, PROJECT_GROUP_PREFIX) : [];
    return new AccessScope(organisationWide, new Set(programCodes), new Set(projectCodes));
  }

  reaches(resource: ScopedResource): boolean {
    if (this.organisationWide || this.programCodes.has(resource.programCode)) return true;
    if (resource.projectCode !== undefined) return this.projectCodes.has(resource.projectCode);
    return (resource.projectCodesOfProgram ?? []).some((code) => this.projectCodes.has(code));
  }

  /** A program manager may register a program only under one of his own program groups. */
  mayRegisterProgram(code: string): boolean {
    return this.organisationWide || this.programCodes.has(code);
  }
}

/** The project codes of each program, to judge whether a project manager reaches the program. */
export function projectCodesByProgram(projects: { programId: string; code: string }[]): Map<string, string[]> {
  const byProgram = new Map<string, string[]>();
  for (const project of projects) byProgram.set(project.programId, [...(byProgram.get(project.programId) ?? []), project.code]);
  return byProgram;
}

function codesOf(groups: string[], prefix: string): string[] {
  // Group claims may carry full paths (`/programs/program-fsm`) or names only (`program-fsm`).
  return groups
    .map((group) => group.split('/').filter(Boolean).pop() ?? '')
    .filter((name) => name.startsWith(prefix) && name.length > prefix.length)
    .map((name) => name.slice(prefix.length));
}
