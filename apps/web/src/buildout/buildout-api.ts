import type { StrategicPmoSchemas } from '@pmo/api-contracts/browser';
import { useQuery } from '@tanstack/react-query';
import { ApiError, unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';

type Schemas = StrategicPmoSchemas['schemas'];
export type Foundation = Schemas['FoundationResponse'];
export type Gap = Schemas['GapResponse'];
export type Offering = Schemas['OfferingResponse'];
export type Wave = Schemas['WaveResponse'];
export type MaturityTrend = Schemas['MaturityTrendResponse'];
export type PmoElement = Gap['element'];

// The elements the build-out assesses, in the order the platform lists them (libs/contracts PMO_ELEMENTS).
export const ELEMENTS: PmoElement[] = ['methodology', 'training', 'tools', 'reporting', 'resourcing', 'governance', 'organisation'];

/** Query keys of the build-out screens; every write invalidates them all, since gaps, catalogue and roadmap derive from each other. */
export const BUILDOUT_KEY = ['buildout'] as const;

/** The foundation, or null while it is not recorded (the API answers 404). */
export function useFoundation() {
  const pmo = usePmo();
  return useQuery({
    queryKey: [...BUILDOUT_KEY, 'foundation'],
    queryFn: async () => {
      try {
        return await unwrap(pmo.strategic.GET('/buildout/foundation'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useGaps() {
  const pmo = usePmo();
  return useQuery({ queryKey: [...BUILDOUT_KEY, 'gaps'], queryFn: () => unwrap(pmo.strategic.GET('/buildout/gaps')) });
}

export function useCatalogue() {
  const pmo = usePmo();
  return useQuery({ queryKey: [...BUILDOUT_KEY, 'offerings'], queryFn: () => unwrap(pmo.strategic.GET('/buildout/offerings')) });
}

export function useRoadmap() {
  const pmo = usePmo();
  return useQuery({ queryKey: [...BUILDOUT_KEY, 'roadmap'], queryFn: () => unwrap(pmo.strategic.GET('/buildout/roadmap')) });
}

export function useMaturityTrend() {
  const pmo = usePmo();
  return useQuery({ queryKey: [...BUILDOUT_KEY, 'trend'], queryFn: () => unwrap(pmo.strategic.GET('/buildout/maturity-trend')) });
}

/** An element's name as a heading: "methodology" → "Methodology". */
export function elementLabel(element: string): string {
  return element.charAt(0).toUpperCase() + element.slice(1);
}

/** Today on the platform's clock (which the embedded mode can move), as a date. */
export function useToday(): string {
  const pmo = usePmo();
  const clock = useQuery({ queryKey: ['clock'], queryFn: () => unwrap(pmo.strategic.GET('/clock')), staleTime: 30_000 });
  return (clock.data?.now ?? new Date().toISOString()).slice(0, 10);
}
