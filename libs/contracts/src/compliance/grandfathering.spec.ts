import { canGrandfather, checkGrandfatheringThreshold, type GrandfatheringCandidate } from './grandfathering';

describe('canGrandfather', () => {
  it.each<[string, GrandfatheringCandidate, number | undefined]>([
    ['a project exactly at the default threshold', { percentComplete: 90, phase: 'execution' }, undefined],
    ['a 95%-complete project', { percentComplete: 95, phase: 'execution' }, undefined],
    ['a finished project', { percentComplete: 100, phase: 'execution' }, undefined],
    // Closing is nearly complete by definition, whatever the percentage says.
    ['a 10%-complete project in its closing phase', { percentComplete: 10, phase: 'closing' }, undefined],
    ['a project at a lower threshold the standard sets', { percentComplete: 75, phase: 'execution' }, 75],
    ['any project when the threshold is 0', { percentComplete: 0, phase: 'initiation' }, 0],
  ])('allows %s', (_case, project, threshold) => {
    expect(canGrandfather(project, threshold)).toEqual({ ok: true });
  });

  it.each<[string, GrandfatheringCandidate, number | undefined, string]>([
    [
      'a 10%-complete project',
      { percentComplete: 10, phase: 'execution' },
      undefined,
      'project is 10% complete in phase execution; grandfathering needs 90% or the closing phase',
    ],
    [
      'a project just below the threshold',
      { percentComplete: 89.9, phase: 'execution' },
      undefined,
      'project is 89.9% complete in phase execution; grandfathering needs 90% or the closing phase',
    ],
    [
      'a project below a higher threshold',
      { percentComplete: 90, phase: 'planning' },
      95,
      'project is 90% complete in phase planning; grandfathering needs 95% or the closing phase',
    ],
    // Phases are compared exactly: a phase spelled otherwise is not the closing phase.
    [
      'a phase "Closing" in other case',
      { percentComplete: 50, phase: 'Closing' },
      undefined,
      'project is 50% complete in phase Closing; grandfathering needs 90% or the closing phase',
    ],
    [
      'an unknown percent complete',
      { percentComplete: Number.NaN, phase: 'execution' },
      undefined,
      'project is NaN% complete in phase execution; grandfathering needs 90% or the closing phase',
    ],
  ])('refuses %s', (_case, project, threshold, message) => {
    expect(canGrandfather(project, threshold)).toEqual({ ok: false, message });
  });

  it.each([[-1], [100.5], [Number.NaN], [Number.POSITIVE_INFINITY]])('throws a RangeError for a threshold of %s', (threshold) => {
    expect(() => canGrandfather({ percentComplete: 50, phase: 'execution' }, threshold)).toThrow(
      new RangeError(`grandfathering threshold must be from 0 to 100 percent, got ${threshold}`),
    );
  });
});

describe('checkGrandfatheringThreshold', () => {
  it.each([[0], [50], [90], [100]])('accepts %s percent', (threshold) => {
    expect(checkGrandfatheringThreshold(threshold)).toEqual({ ok: true });
  });

  it.each([[-1], [101], [50.5], [Number.NaN]])('refuses %s', (threshold) => {
    expect(checkGrandfatheringThreshold(threshold)).toEqual({ ok: false, message: `thresholdPercent must be a whole percent from 0 to 100, got ${threshold}` });
  });

  it('lets a 60%-complete project be grandfathered at a threshold of 50, not at the default 90', () => {
    const project = { percentComplete: 60, phase: 'execution' };
    expect(canGrandfather(project, 50)).toEqual({ ok: true });
    expect(canGrandfather(project).ok).toBe(false);
  });
});
