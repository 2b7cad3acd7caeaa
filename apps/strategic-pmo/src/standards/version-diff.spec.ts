import fc from 'fast-check';
import type { Leeway, Requirement } from '@pmo/contracts';
import type { KeyTask, Playbook } from '../methodology/playbook';
import { describeChange, type VersionChange } from './version-change';
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

// A key task that shares neither name nor objective with keyTask().
const otherTask = (overrides: Partial<KeyTask>): KeyTask =>
  keyTask({ name: 'Close the program', objective: 'Hand over and archive the records.', ...overrides });

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
    [
      'a key task removed',
      { ...base, playbook: playbookOf(otherTask({ keyTask: 3 }), otherTask({ phase: 2, keyTask: 1, name: 'Review the program' })) },
      'key task 1.2 removed',
      'major',
    ],
    // Key tasks are found by name and objective under any number: renumbering is relabelling, so patch.
    ['a key task renumbered', withTask({ keyTask: 3 }), 'key task 1.2 renumbered to 1.3', 'patch'],
    ['a key task moved to another phase', withTask({ phase: 2, keyTask: 1 }), 'key task 1.2 renumbered to 2.1', 'patch'],
    // Phase 1 goes with the move: nothing of it is lost, so its removal is patch too.
    ['the phase a key task moved out of', withTask({ phase: 2, keyTask: 1 }), 'phase 1 removed', 'patch'],
    ['the phase a key task moved into', withTask({ phase: 2, keyTask: 1 }), 'phase 2 added', 'patch'],
    ['a key task renumbered and renamed', withTask({ keyTask: 3, name: 'Set up the program' }), 'key task 1.2 renumbered to 1.3', 'patch'],
    [
      'a key task renumbered with name and objective reworded',
      withTask({ keyTask: 3, name: 'Establish the program office', objective: 'Agree scope and program governance.' }),
      'key task 1.2 renumbered to 1.3',
      'patch',
    ],
    ['a key task replaced under another number', { ...base, playbook: playbookOf(otherTask({ keyTask: 3 })) }, 'key task 1.2 removed', 'major'],
    ['a key task rewritten in place', { ...base, playbook: playbookOf(otherTask({ keyTask: 2 })) }, 'key task 1.2 / name changed', 'patch'],
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
    // A rewording still shares more than half of the words: the same activity, so patch.
    [
      'an activity reworded',
      withTask({ activities: [{ text: 'Draft the Program Charter', responsibleParty: 'customer' }] }),
      'key task 1.2 / activity "Develop Program Charter" reworded to "Draft the Program Charter"',
      'patch',
    ],
    [
      'an activity reworded and handed over',
      withTask({ activities: [{ text: 'Draft the Program Charter', responsibleParty: 'provider' }] }),
      'key task 1.2 / activity "Develop Program Charter" / responsible party changed (customer → provider)',
      'major',
    ],
    [
      'an activity replaced',
      withTask({ activities: [{ text: 'Appoint the sponsor', responsibleParty: 'customer' }] }),
      'key task 1.2 / activity "Develop Program Charter" removed',
      'major',
    ],
    // Artifacts and people
    ['an input added', withTask({ inputs: ['Business Case', 'Strategy'] }), 'key task 1.2 / input "Strategy" added', 'minor'],
    ['an input removed', withTask({ inputs: [] }), 'key task 1.2 / input "Business Case" removed', 'major'],
    ['an output added', withTask({ outputs: ['Program Charter', 'IV&V Plan'] }), 'key task 1.2 / output "IV&V Plan" added', 'minor'],
    ['an output removed', withTask({ outputs: [] }), 'key task 1.2 / output "Program Charter" removed', 'major'],
    [
      'an output renamed',
      withTask({ outputs: ['Signed Program Charter'] }),
      'key task 1.2 / output "Program Charter" renamed to "Signed Program Charter"',
      'patch',
    ],
    // One word of two shared is not more than half: another artifact.
    ['an output replaced', withTask({ outputs: ['Program Budget'] }), 'key task 1.2 / output "Program Charter" removed', 'major'],
    ['an input renamed', withTask({ inputs: ['Project Business Case'] }), 'key task 1.2 / input "Business Case" renamed to "Project Business Case"', 'patch'],
    [
      'a stakeholder renamed',
      withTask({ stakeholders: [{ text: 'Program Executive Sponsor', responsibleParty: 'customer' }] }),
      'key task 1.2 / stakeholder "Program Sponsor" renamed to "Program Executive Sponsor"',
      'patch',
    ],
    [
      'a stakeholder replaced',
      withTask({ stakeholders: [{ text: 'Executive Sponsor', responsibleParty: 'customer' }] }),
      'key task 1.2 / stakeholder "Program Sponsor" removed',
      'major',
    ],
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
      'a best practice reworded',
      withTask({ bestPractice: ['Name a single accountable sponsor.'] }),
      'key task 1.2 / best practice "Name one accountable sponsor." reworded to "Name a single accountable sponsor."',
      'patch',
    ],
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

  it.each<[string, Partial<KeyTask>, VersionChange]>([
    [
      'a renamed output',
      { outputs: ['Signed Program Charter'] },
      {
        kind: 'renamed',
        area: 'output',
        path: 'key task 1.2 / output "Program Charter"',
        before: 'Program Charter',
        after: 'Signed Program Charter',
        impact: 'patch',
      },
    ],
    [
      'a reworded activity',
      { activities: [{ text: 'Draft the Program Charter', responsibleParty: 'customer' }] },
      {
        kind: 'reworded',
        area: 'activity',
        path: 'key task 1.2 / activity "Develop Program Charter"',
        before: 'Develop Program Charter',
        after: 'Draft the Program Charter',
        impact: 'patch',
      },
    ],
    [
      'a renumbered key task',
      { phase: 2, keyTask: 4 },
      { kind: 'renumbered', area: 'key-task', path: 'key task 1.2', before: '1.2', after: '2.4', impact: 'patch' },
    ],
  ])('keeps the old and new text of %s', (_case, overrides, expected) => {
    expect(diffVersions(base, withTask(overrides)).changes).toContainEqual(expected);
  });

  it('pairs the most alike items first and leaves the rest removed and added', () => {
    const after = withTask({ outputs: ['Program Charter Draft', 'Signed Program Charter', 'Risk Register'], inputs: [] });
    const before = withTask({ outputs: ['Signed Program Charter Draft', 'Issue Log'], inputs: [] });
    expect(diffVersions(before, after).changes.map(describeChange)).toEqual([
      'key task 1.2 / output "Signed Program Charter Draft" renamed to "Program Charter Draft"',
      'key task 1.2 / output "Signed Program Charter" added',
      'key task 1.2 / output "Risk Register" added',
      'key task 1.2 / output "Issue Log" removed',
    ]);
  });

  it('matches key tasks by content before number when two swap numbers', () => {
    const first = keyTask({ keyTask: 1 });
    const second = otherTask({ keyTask: 2 });
    const before: VersionContent = { ...base, playbook: playbookOf(first, second) };
    const after: VersionContent = { ...base, playbook: playbookOf({ ...second, keyTask: 1 }, { ...first, keyTask: 2 }) };
    const diff = diffVersions(before, after);
    expect(diff.changes.map(describeChange)).toEqual(['key task 1.2 renumbered to 1.1', 'key task 1.1 renumbered to 1.2']);
    expect(diff.classification).toBe('patch');
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
