import type { RolloutWaveV1 } from '@pmo/contracts';

/**
 * One wave of a rollout: the programs it names by id or by tag must adopt the version from `opensOn` and by
 * `adoptionDeadline`. Dates are calendar days, `YYYY-MM-DD`. Which programs a wave covers is decided by
 * `waveCoversProgram` in @pmo/contracts, the same rule in every service.
 */
export type RolloutWave = RolloutWaveV1;

/**
 * The problems of a rollout plan, one sentence each, empty when the plan is sound: no waves; a wave without
 * a name, or a name used twice; a wave naming neither programs nor tags; a date that is not a calendar day;
 * a deadline before the opening date (the same day is allowed); a wave opening before the wave listed above it
 * (waves are listed in opening order; two may open on the same day).
 */
export function validateRolloutPlan(waves: readonly RolloutWave[]): string[] {
  if (waves.length === 0) return ['a rollout plan needs at least one wave'];
  const problems: string[] = [];
  const seen = new Set<string>();
  waves.forEach((wave, index) => {
    const label = wave.name.trim() === '' ? `wave ${index + 1}` : `wave "${wave.name}"`;
    if (wave.name.trim() === '') problems.push(`${label} has no name`);
    else if (seen.has(wave.name)) problems.push(`${label} is named more than once`);
    seen.add(wave.name);
    if (wave.programIds.length === 0 && wave.programTags.length === 0) {
      problems.push(`${label} names no programs and no tags`);
    }
    const opensOk = isCalendarDate(wave.opensOn);
    const deadlineOk = isCalendarDate(wave.adoptionDeadline);
    if (!opensOk) problems.push(`${label} opens on "${wave.opensOn}", which is not a date (YYYY-MM-DD)`);
    if (!deadlineOk) problems.push(`${label} has adoption deadline "${wave.adoptionDeadline}", which is not a date (YYYY-MM-DD)`);
    if (opensOk && deadlineOk && wave.adoptionDeadline < wave.opensOn) {
      problems.push(`${label} has its adoption deadline ${wave.adoptionDeadline} before its opening date ${wave.opensOn}`);
    }
    const previous = waves[index - 1];
    if (previous !== undefined && opensOk && isCalendarDate(previous.opensOn) && wave.opensOn < previous.opensOn) {
      problems.push(`${label} opens on ${wave.opensOn}, before the wave above it, "${previous.name}", opens (${previous.opensOn})`);
    }
  });
  return problems;
}

/**
 * The waves to open on `today` (YYYY-MM-DD): those opening on or before it that are not in `openedWaveNames`,
 * in plan order. A wave whose day passed while nothing ran (a stopped scheduler) is still due.
 */
export function wavesDueBy(waves: readonly RolloutWave[], openedWaveNames: ReadonlySet<string>, today: string): RolloutWave[] {
  // ISO calendar dates order as strings, so no Date (and no time zone) is involved.
  return waves.filter((wave) => wave.opensOn <= today && !openedWaveNames.has(wave.name));
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  // Date.UTC rolls 2026-02-30 over to March 2; reading the parts back catches that.
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
