import type { StrategicPmoSchemas } from '@pmo/api-contracts/browser';
import { useSession } from '../auth/AuthProvider';
import { hasAnyRole } from '../auth/session';

type Schemas = StrategicPmoSchemas['schemas'];
export type Standard = Schemas['StandardResponse'];
export type StandardVersion = Schemas['StandardVersionResponse'];
export type VersionChange = Schemas['VersionChangeResponse'];
export type PublicationPreview = Schemas['PublicationPreviewResponse'];
export type PublishedVersion = Schemas['PublishedVersionResponse'];
export type Program = Schemas['PortfolioProgramResponse'];
export type VersionState = Standard['versions'][number]['state'];

/** A requirement as the version body holds it (the response types it as a plain object). */
export interface Requirement {
  id: string;
  text: string;
  leeway?: { kind: 'range'; min: number; max: number; unit: string } | { kind: 'options'; options: string[] };
}

export type Applicability = { scope: 'organisation' } | { scope: 'programs'; programIds: string[] } | { scope: 'tags'; tags: string[] };

/** One rollout wave, as publish and preview take it. */
export interface Wave {
  name: string;
  programIds: string[];
  programTags: string[];
  opensOn: string;
  adoptionDeadline: string;
}

/** Query keys of the standards screens, so that mutations invalidate what they change. */
export const keys = {
  standard: (id: string) => ['standard', id] as const,
  version: (id: string, version: string) => ['standard', id, 'version', version] as const,
  programs: ['portfolio', 'programs'] as const,
};

/** Only the strategic-admin changes standards; the reviewer (and the auditor) read them. */
export function useIsStrategicAdmin(): boolean {
  return hasAnyRole(useSession(), ['strategic-admin']);
}

/** The strategic PMO (admin and reviewer) may preview a publication; the auditor may not. */
export function useCanPreview(): boolean {
  return hasAnyRole(useSession(), ['strategic-admin', 'strategic-reviewer']);
}

/** Chip colours of the lifecycle states; only MUI colours whose white text passes the contrast rules. */
export const STATE_COLORS: Record<VersionState, 'default' | 'primary' | 'success' | 'error'> = {
  draft: 'default',
  'in-review': 'primary',
  published: 'success',
  superseded: 'default',
  retired: 'error',
};
