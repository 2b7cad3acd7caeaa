import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Playbook } from '../methodology/playbook';
import { importPlaybook } from '../methodology/playbook-import';
import { diffPlaybooks } from './playbook-diff';
import { describeChange, highestImpact } from './version-change';

// Two editions of key task 1.2 of the M3 playbook, imported as an author would import them.
function edition(number: 1 | 2): Playbook {
  const name = `playbook-diff.edition-${number}.yaml`;
  const result = importPlaybook([{ name, content: readFileSync(join(__dirname, name)) }]);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.playbook;
}

const qasp = 'Develop Quality Assurance Surveillance Plan (QASP) to monitor implementation and service metrics';
const raci = 'Document roles and responsibilities in a RACI';

describe('diffPlaybooks on two editions of key task 1.2', () => {
  it('finds the task under 1.3, the output renamed and the two activities added: a minor change', () => {
    const changes = diffPlaybooks(edition(1), edition(2));
    expect(changes).toEqual([
      { kind: 'renumbered', area: 'key-task', path: 'key task 1.2', before: '1.2', after: '1.3', impact: 'patch' },
      {
        kind: 'added',
        area: 'activity',
        path: 'key task 1.3 / activity "Develop Quality Assurance Surveillance Plan (QASP) to monit…"',
        after: { text: qasp, responsibleParty: 'customer' },
        impact: 'minor',
      },
      { kind: 'added', area: 'activity', path: `key task 1.3 / activity "${raci}"`, after: { text: raci, responsibleParty: 'customer' }, impact: 'minor' },
      {
        kind: 'renamed',
        area: 'output',
        path: 'key task 1.3 / output "IV&V Plan"',
        before: 'IV&V Plan',
        after: 'Independent Verification & Validation (IV&V) Plan',
        impact: 'patch',
      },
    ]);
    expect(highestImpact(changes)).toBe('minor');
  });

  it('calls the way back major: the two activities are removed', () => {
    const changes = diffPlaybooks(edition(2), edition(1));
    expect(changes.map(describeChange)).toEqual([
      'key task 1.3 renumbered to 1.2',
      'key task 1.2 / activity "Develop Quality Assurance Surveillance Plan (QASP) to monit…" removed',
      `key task 1.2 / activity "${raci}" removed`,
      'key task 1.2 / output "Independent Verification & Validation (IV&V) Plan" renamed to "IV&V Plan"',
    ]);
    expect(highestImpact(changes)).toBe('major');
  });
});
