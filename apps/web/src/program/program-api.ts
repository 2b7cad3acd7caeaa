import type { ProgramPmoSchemas } from '@pmo/api-contracts/browser';
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';

type Schemas = ProgramPmoSchemas['schemas'];
export type Program = Schemas['ProgramResponse'];
export type ProgramStandard = Schemas['ProgramStandardResponse'];
export type ProgramProject = Schemas['ProgramProjectResponse'];
export type AdoptionDecision = Schemas['AdoptionDecisionResponse'];
export type VarianceRequest = Schemas['VarianceRequestViewResponse'];
export type VarianceProposal = Schemas['VarianceProposalResponse'];

/** A requirement of a standard version as the program's view carries it (id, text, and its leeway if any). */
export interface Requirement {
  id: string;
  text: string;
  leeway?: { kind: 'range'; min: number; max: number; unit: string } | { kind: 'options'; options: string[] };
}

export function requirementsOf(standard: ProgramStandard | undefined): Requirement[] {
  return (standard?.requirements ?? []) as unknown as Requirement[];
}

/** What a leeway allows, in words: `7 to 14 days`, `one of monthly, fortnightly`. */
export function describeLeeway(leeway: Requirement['leeway']): string {
  if (!leeway) return 'no tailoring';
  if (leeway.kind === 'options') return `one of ${leeway.options.join(', ')}`;
  return leeway.min === leeway.max ? `exactly ${leeway.min} ${leeway.unit}` : `${leeway.min} to ${leeway.max} ${leeway.unit}`;
}

/** Query keys of one program's data, so actions invalidate exactly what they change. */
export const programKeys = {
  all: (programId: string) => ['program', programId] as const,
  part: (programId: string, part: string) => ['program', programId, part] as const,
};

export function useProgram(programId: string) {
  const pmo = usePmo();
  return useQuery({
    queryKey: programKeys.part(programId, 'program'),
    queryFn: () => unwrap(pmo.program.GET('/programs/{programId}', { params: { path: { programId } } })),
    retry: false,
  });
}

export function useProgramStandards(programId: string) {
  const pmo = usePmo();
  return useQuery({
    queryKey: programKeys.part(programId, 'standards'),
    queryFn: () => unwrap(pmo.program.GET('/programs/{programId}/standards', { params: { path: { programId } } })),
    retry: false,
  });
}

export function useProgramProjects(programId: string) {
  const pmo = usePmo();
  return useQuery({
    queryKey: programKeys.part(programId, 'projects'),
    queryFn: () => unwrap(pmo.program.GET('/programs/{programId}/projects', { params: { path: { programId } } })),
    retry: false,
  });
}

/** Today as yyyy-mm-dd, `days` ahead. */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
