/** Where a project is in its life cycle. */
export const PROJECT_PHASES = ['initiation', 'planning', 'execution', 'closing'] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];
