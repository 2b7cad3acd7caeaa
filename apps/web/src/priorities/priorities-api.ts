import type { StrategicPmoSchemas } from '@pmo/api-contracts/browser';
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';

type Schemas = StrategicPmoSchemas['schemas'];
export type Ranking = Schemas['RankingResponse'];
export type RankingEntry = Schemas['RankingEntryResponse'];
export type Scope = 'program' | 'portfolio';

/** Query keys of the priorities screen; every change or decision invalidates them all. */
export const PRIORITIES_KEY = ['priorities'] as const;

/** The portfolio ranking (programId null) or a program's, now or as of a day. */
export function useRanking(programId: string | null, asOf: string) {
  const pmo = usePmo();
  const query = asOf ? { asOf } : {};
  return useQuery({
    queryKey: [...PRIORITIES_KEY, 'ranking', programId, asOf],
    queryFn: () =>
      programId
        ? unwrap(pmo.strategic.GET('/priorities/programs/{programId}', { params: { path: { programId }, query } }))
        : unwrap(pmo.strategic.GET('/priorities/portfolio', { params: { query } })),
  });
}

export function useHistory(projectId: string | null) {
  const pmo = usePmo();
  return useQuery({
    queryKey: [...PRIORITIES_KEY, 'history', projectId],
    enabled: projectId !== null,
    queryFn: () => unwrap(pmo.strategic.GET('/priorities/projects/{projectId}/history', { params: { path: { projectId: projectId ?? '' } } })),
  });
}

export function usePendingRequests() {
  const pmo = usePmo();
  return useQuery({
    queryKey: [...PRIORITIES_KEY, 'requests'],
    queryFn: () => unwrap(pmo.strategic.GET('/priorities/requests', { params: { query: { state: 'pending' } } })),
  });
}

export function usePrograms() {
  const pmo = usePmo();
  return useQuery({ queryKey: ['portfolio', 'programs'], staleTime: 60_000, queryFn: () => unwrap(pmo.strategic.GET('/portfolio/programs')) });
}

/** A project as people name it: its code and name, or its name alone when it has no code of its own (the code is then its id). */
export function projectLabel(project: { code: string; name: string; projectId: string }): string {
  return project.code === project.projectId ? project.name : `${project.code} ${project.name}`;
}
