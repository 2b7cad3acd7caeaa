import { VERSION_STATES, type VersionState } from '@pmo/contracts';
import { allowedTransitionsFrom, checkTransition, isEditable } from './version-lifecycle';

const ALLOWED: ReadonlyArray<[VersionState, VersionState]> = [
  ['draft', 'in-review'],
  ['in-review', 'draft'],
  ['in-review', 'published'],
  ['published', 'superseded'],
  ['published', 'retired'],
];

const isAllowed = (from: VersionState, to: VersionState): boolean => ALLOWED.some(([f, t]) => f === from && t === to);

// Every pair of states that is not in ALLOWED, self-transitions included.
const REFUSED: Array<[VersionState, VersionState]> = VERSION_STATES.flatMap((from) =>
  VERSION_STATES.filter((to) => !isAllowed(from, to)).map((to): [VersionState, VersionState] => [from, to]),
);

describe('checkTransition', () => {
  it.each(ALLOWED)('allows %s → %s', (from, to) => {
    expect(checkTransition(from, to, '1.2.0')).toEqual({ ok: true });
  });

  it('refuses all 20 other pairs', () => {
    expect(REFUSED).toHaveLength(VERSION_STATES.length ** 2 - ALLOWED.length);
  });

  it.each(REFUSED)('refuses %s → %s', (from, to) => {
    const result = checkTransition(from, to, '1.2.0');
    expect(result.ok).toBe(false);
  });

  it.each([
    ['published', 'draft', 'version 1.2.0 is published; allowed: superseded, retired'],
    ['draft', 'published', 'version 1.2.0 is draft; allowed: in-review'],
    ['draft', 'retired', 'version 1.2.0 is draft; allowed: in-review'],
    ['in-review', 'in-review', 'version 1.2.0 is in-review; allowed: draft, published'],
    ['retired', 'published', 'version 1.2.0 is retired; allowed: none'],
    ['superseded', 'retired', 'version 1.2.0 is superseded; allowed: none'],
  ] as const)('explains %s → %s as "%s"', (from, to, message) => {
    expect(checkTransition(from, to, '1.2.0')).toEqual({ ok: false, message });
  });
});

describe('allowedTransitionsFrom', () => {
  it.each([
    ['draft', ['in-review']],
    ['in-review', ['draft', 'published']],
    ['published', ['superseded', 'retired']],
    ['superseded', []],
    ['retired', []],
  ] as const)('from %s allows %j', (state, targets) => {
    expect(allowedTransitionsFrom(state)).toEqual(targets);
  });
});

describe('isEditable', () => {
  it.each([
    ['draft', true],
    ['in-review', false],
    ['published', false],
    ['superseded', false],
    ['retired', false],
  ] as const)('%s is editable: %s', (state, editable) => {
    expect(isEditable(state)).toBe(editable);
  });
});
