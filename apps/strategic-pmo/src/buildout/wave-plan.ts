import type { OfferingState } from '@pmo/contracts';

/** What the roadmap knows of a product or service. */
export interface PlannedOffering {
  id: string;
  name: string;
  priority: number;
  effortWeeks: number;
  state: OfferingState;
}

/** The PMO's limits on one wave: its own capacity, and the pace of change the organisation can absorb. */
export interface WaveLimits {
  capacityPerWave: number;
  changesPerWave: number;
}

/** A wave's progress from its items' states: deployed counts whole, in progress half. */
export function waveProgress(items: readonly Pick<PlannedOffering, 'state'>[]): { deployed: number; inProgress: number; total: number; percent: number } {
  const deployed = items.filter((i) => i.state === 'deployed').length;
  const inProgress = items.filter((i) => i.state === 'in-progress').length;
  const total = items.length;
  return { deployed, inProgress, total, percent: total === 0 ? 0 : Math.round(((deployed + inProgress / 2) / total) * 100) };
}

/** Why a wave of these offerings exceeds the PMO's capacity or the pace of change; empty when it fits. */
export function waveLimitProblems(items: readonly PlannedOffering[], limits: WaveLimits): string[] {
  const effort = items.reduce((sum, i) => sum + i.effortWeeks, 0);
  const problems: string[] = [];
  if (effort > limits.capacityPerWave)
    problems.push(`the wave needs ${effort} person-weeks, more than the PMO's capacity of ${limits.capacityPerWave} per wave`);
  if (items.length > limits.changesPerWave)
    problems.push(`the wave deploys ${items.length} products and services, more than the ${limits.changesPerWave} the organisation can absorb in one wave`);
  return problems;
}

/**
 * The unplanned offerings grouped into the next waves: most urgent first (then the smaller effort), each wave
 * filled while it stays within the capacity and the pace of change. An offering larger than a whole wave's
 * capacity goes alone in its own wave, so that nothing is silently left out.
 */
export function proposeWaves(unplanned: readonly PlannedOffering[], limits: WaveLimits): PlannedOffering[][] {
  const queue = [...unplanned].sort((a, b) => a.priority - b.priority || a.effortWeeks - b.effortWeeks || a.name.localeCompare(b.name));
  const waves: PlannedOffering[][] = [];
  for (const offering of queue) {
    const open = waves.find((wave) => waveLimitProblems([...wave, offering], limits).length === 0);
    if (open) open.push(offering);
    else waves.push([offering]);
  }
  return waves;
}
