import fc from 'fast-check';
import type { Leeway, Requirement } from '@pmo/contracts';
import type { KeyTask, Playbook } from '../methodology/playbook';
import { describeChange } from './version-change';
import { diffVersions, type VersionContent } from './version-diff';

const cadence: Requirement = {
  id: 'STATUS-CADENCE',
  text: 'Programs report status at a fixed cadence.',
  leeway: { kind: 'range', min: 7, max: 14, unit: 'days' },
};
const charter: Requirement = { id: 'PROGRAM-CHARTER', text: 'Every program has a signed charter.' };

const keyTask = (overrides: Partial<KeyTask> = {}): KeyTask => ({
  phase: 1,
  keyTask: 2,
  name: 'Establish the program',
  objective: 'Agree scope and governance.',
  responsibleParty: 'shared',
  category: 'Governance',
  activities: [{ text: 'Develop Program Charter', responsibleParty: 'customer' }],
  inputs: ['Business Case'],
  outputs: ['Program Charter'],
  stakeholders: [{ text: 'Program Sponsor', responsibleParty: 'customer' }],
  bestPractice: ['Name one accountable sponsor.'],
  lessonsLearned: ['Charters signed late delay everything.'],
  extra: {},
  ...overrides,
});
const playbookOf = (...tasks: KeyTask[]): Playbook => ({
  phases: [...new Set(tasks.map((task) => String(task.phase)))].map((phase) => ({
    phase,
    keyTasks: tasks.filter((task) => String(task.phase) === phase),
  })),
});

const base: VersionContent = { requirements: [cadence, charter], playbook: playbookOf(keyTask()) };
const withTask = (overrides: Partial<KeyTask>): VersionContent => ({ ...base, playbook: playbookOf(keyTask(overrides)) });
const withCadence = (overrides: Partial<Requirement>): VersionContent => ({ ...base, requirements: [{ ...cadence, ...overrides }, charter] });

describe('diffVersions', () => {
  it('finds nothing between equal versions', () => {
    expect(diffVersions(base, structuredClone(base))).toEqual({ changes: [], classification: 'none' });
  });

  it.each<[string, VersionContent, string, string]>([
    // Requirements
    ['a requirement removed', { ...base, requirements: [charter] }, 'requirement STATUS-CADENCE removed', 'major'],
    ['a requirement added', { ...base, requirements: [cadence, charter, { id: 'RISK-LOG', text: 'Keep a risk log.' }] }, 'requirement RISK-LOG added', 'minor'],
    ['a requirement reworded', withCadence({ text: 'Programs report status regularly.' }), 'requirement STATUS-CADENCE / text changed', 'patch'],
    [
      'a leeway narrowed',
      withCadence({ leeway: { kind: 'range', min: 7, max: 10, unit: 'days' } }),
      'requirement STATUS-CADENCE / leeway narrowed (7 to 14 days → 7 to 10 days)',
      'major',
    ],
    [
      'a leeway shifted',
      withCadence({ leeway: { kind: 'range', min: 10, max: 21, unit: 'days' } }),
      'requirement STATUS-CADENCE / leeway changed (7 to 14 days → 10 to 21 days)',
      'major',
    ],
    ['a leeway dropped', withCadence({ leeway: undefined }), 'requirement STATUS-CADENCE / leeway narrowed (7 to 14 days → no leeway)', 'major'],
    [
      'a leeway widened',
      withCadence({ leeway: { kind: 'range', min: 5, max: 14, unit: 'days' } }),
      'requirement STATUS-CADENCE / leeway widened (7 to 14 days → 5 to 14 days)',
      'minor',
    ],
    // Playbook structure
    ['a phase added', { ...base, playbook: playbookOf(keyTask(), keyTask({ phase: 2, keyTask: 1 })) }, 'phase 2 added', 'minor'],
    ['a phase removed', { ...base, playbook: { phases: [] } }, 'phase 1 removed', 'major'],
    ['the playbook dropped', { requirements: base.requirements }, 'phase 1 removed', 'major'],
    ['a key task added', { ...base, playbook: playbookOf(keyTask(), keyTask({ keyTask: 3 })) }, 'key task 1.3 added', 'minor'],
    ['a key task removed', { ...base, playbook: playbookOf(keyTask({ keyTask: 3 }), keyTask({ phase: 2, keyTask: 1 })) }, 'key task 1.2 removed', 'major'],
    // Key task fields
    ['an objective reworded', withTask({ objective: 'Agree scope, budget and governance.' }), 'key task 1.2 / objective changed', 'patch'],
    ['a name reworded', withTask({ name: 'Set up the program' }), 'key task 1.2 / name changed', 'patch'],
    ['a category renamed', withTask({ category: 'Initiation' }), 'key task 1.2 / category changed (Governance → Initiation)', 'patch'],
    ['a key task handed over', withTask({ responsibleParty: 'provider' }), 'key task 1.2 / responsible party changed (shared → provider)', 'major'],
    // Activities
    [
      'an activity added',
      withTask({ activities: [...keyTask().activities, { text: 'Appoint sponsor', responsibleParty: 'customer' }] }),
      'key task 1.2 / activity "Appoint sponsor" added',
      'minor',
    ],
    ['an activity removed', withTask({ activities: [] }), 'key task 1.2 / activity "Develop Program Charter" removed', 'major'],
    [
      'an activity handed over',
      withTask({ activities: [{ text: 'Develop Program Charter', responsibleParty: 'provider' }] }),
      'key task 1.2 / activity "Develop Program Charter" / responsible party changed (customer → provider)',
      'major',
    ],
    [
      'an activity recased',
      withTask({ activities: [{ text: 'Develop program charter.', responsibleParty: 'customer' }] }),
      'key task 1.2 / activity "Develop program charter." changed',
      'patch',
    ],
    // A real rewording no longer matches: removed + added, so major.
    [
      'an activity reworded',
      withTask({ activities: [{ text: 'Draft the Program Charter', responsibleParty: 'customer' }] }),
      'key task 1.2 / activity "Develop Program Charter" removed',
      'major',
    ],
    // Artifacts and people
    ['an input added', withTask({ inputs: ['Business Case', 'Strategy'] }), 'key task 1.2 / input "Strategy" added', 'minor'],
    ['an input removed', withTask({ inputs: [] }), 'key task 1.2 / input "Business Case" removed', 'major'],
    ['an output added', withTask({ outputs: ['Program Charter', 'IV&V Plan'] }), 'key task 1.2 / output "IV&V Plan" added', 'minor'],
    ['an output removed', withTask({ outputs: [] }), 'key task 1.2 / output "Program Charter" removed', 'major'],
    [
      'a stakeholder added',
      withTask({ stakeholders: [...keyTask().stakeholders, { text: 'IV&V Agent', responsibleParty: 'provider' }] }),
      'key task 1.2 / stakeholder "IV&V Agent" added',
      'minor',
    ],
    ['a stakeholder removed', withTask({ stakeholders: [] }), 'key task 1.2 / stakeholder "Program Sponsor" removed', 'major'],
    // Advice is not an obligation: dropping it breaks nobody's compliance.
    ['a best practice removed', withTask({ bestPractice: [] }), 'key task 1.2 / best practice "Name one accountable sponsor." removed', 'minor'],
    [
      'a lesson added',
      withTask({ lessonsLearned: ['Charters signed late delay everything.', 'Budget early.'] }),
      'key task 1.2 / lesson "Budget early." added',
      'minor',
    ],
    ['a lesson removed', withTask({ lessonsLearned: [] }), 'key task 1.2 / lesson "Charters signed late delay everything." removed', 'minor'],
  ])('classifies %s', (_case, after, change, classification) => {
    const diff = diffVersions(base, after);
    expect(diff.changes.map(describeChange)).toContain(change);
    expect(diff.classification).toBe(classification);
  });

  it.each<[string, VersionContent]>([
    ['list order', withTask({ inputs: ['Business Case'], activities: [...keyTask().activities].reverse() })],
    ['site presentation fields', withTask({ layout: 'key-task', permalink: '/1/2', extra: { weight: 3 } })],
    // YAML may give the phase as 1 or "1".
    ['a phase number given as text', withTask({ phase: '1', keyTask: '2' })],
  ])('ignores %s', (_case, after) => {
    expect(diffVersions(base, after).classification).toBe('none');
  });

  it('keeps the old and new value on a change', () => {
    const [change] = diffVersions(base, withTask({ objective: 'New objective.' })).changes;
    expect(change).toEqual({
      kind: 'changed',
      area: 'key-task',
      path: 'key task 1.2 / objective',
      before: 'Agree scope and governance.',
      after: 'New objective.',
      impact: 'patch',
    });
  });

  it('takes the highest impact when changes mix', () => {
    const after = { ...withTask({ objective: 'x', inputs: ['Business Case', 'Strategy'] }), requirements: [charter] };
    expect(diffVersions(base, after).classification).toBe('major');
  });
});

const leeway: fc.Arbitrary<Leeway> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }))
    .map(([a, b]): Leeway => ({ kind: 'range', min: Math.min(a, b), max: Math.max(a, b), unit: 'days' })),
  fc.uniqueArray(fc.constantFrom('weekly', 'fortnightly', 'monthly', 'quarterly'), { minLength: 1 }).map((options): Leeway => ({ kind: 'options', options })),
);
const requirement: fc.Arbitrary<Requirement> = fc.record(
  { id: fc.stringMatching(/^[A-Z][A-Z0-9-]{0,11}$/), text: fc.string({ minLength: 1 }), leeway },
  { requiredKeys: ['id', 'text'] },
);
// Requirement lists with unique ids, as a version holds them.
const requirements = fc.uniqueArray(requirement, { selector: (item) => item.id, maxLength: 8 });

describe('diffVersions properties', () => {
  it('never calls adding a requirement major', () => {
    fc.assert(
      fc.property(requirements, requirement, fc.nat(), (existing, added, at) => {
        fc.pre(existing.every((item) => item.id !== added.id));
        const after = [...existing];
        after.splice(at % (existing.length + 1), 0, added);
        const diff = diffVersions({ requirements: existing }, { requirements: after });
        expect(diff.classification).toBe('minor');
      }),
    );
  });

  it('always calls removing a requirement major', () => {
    fc.assert(
      fc.property(
        requirements.filter((list) => list.length > 0),
        fc.nat(),
        (existing, at) => {
          const after = existing.filter((_, index) => index !== at % existing.length);
          expect(diffVersions({ requirements: existing }, { requirements: after }).classification).toBe('major');
        },
      ),
    );
  });

  it('finds no changes between a version and itself', () => {
    fc.assert(
      fc.property(requirements, (existing) => {
        expect(diffVersions({ requirements: existing }, { requirements: [...existing].reverse() }).classification).toBe('none');
      }),
    );
  });
});
