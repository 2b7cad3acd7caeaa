import { complianceCsv } from './compliance-csv';
import { labelComplianceRows } from './compliance-row-labels';
import type { ComplianceRowFacts } from './compliance-rows';

const row = (programId: string, projectId: string): ComplianceRowFacts => ({
  programId,
  projectId,
  standardId: 's1',
  standardKey: 'status-reporting',
  versionId: 'v1',
  version: '1.0.0',
  adoptionDeadline: '2027-01-31',
  state: 'pending',
});

describe('labelComplianceRows', () => {
  const programs = new Map([['pg1', { code: 'fsm', name: 'Financial System Migration' }]]);
  const projects = new Map([['pj1', { code: 'fsm-ledger', name: 'General Ledger Cut-over' }]]);

  it('adds the program and project codes and names to each row', () => {
    expect(labelComplianceRows([row('pg1', 'pj1')], programs, projects)).toEqual([
      {
        ...row('pg1', 'pj1'),
        programCode: 'fsm',
        programName: 'Financial System Migration',
        projectCode: 'fsm-ledger',
        projectName: 'General Ledger Cut-over',
      },
    ]);
  });

  it('labels an unknown program or project by its id', () => {
    expect(labelComplianceRows([row('pg2', 'pj2')], programs, projects)[0]).toMatchObject({
      programCode: 'pg2',
      programName: 'pg2',
      projectCode: 'pj2',
      projectName: 'pj2',
    });
  });
});

describe('complianceCsv', () => {
  it('writes the labels beside the ids, quoting names with commas or quotes', () => {
    const [labelled] = labelComplianceRows(
      [row('pg1', 'pj1')],
      new Map([['pg1', { code: 'fsm', name: 'Finance, HR "shared"' }]]),
      new Map([['pj1', { code: 'fsm-ledger', name: 'Ledger' }]]),
    );
    expect(complianceCsv([labelled]).split('\r\n')).toEqual([
      'programId,programCode,programName,projectId,projectCode,projectName,standardKey,version,adoptionDeadline,state',
      'pg1,fsm,"Finance, HR ""shared""",pj1,fsm-ledger,Ledger,status-reporting,1.0.0,2027-01-31,pending',
      '',
    ]);
  });

  it('prefixes with an apostrophe a name or code a spreadsheet would run as a formula', () => {
    const [labelled] = labelComplianceRows(
      [row('pg1', 'pj1')],
      new Map([['pg1', { code: '-fsm', name: '=HYPERLINK("http://evil.example","x")' }]]),
      new Map([['pj1', { code: '@ledger', name: '+SUM(1,2)' }]]),
    );
    expect(complianceCsv([labelled]).split('\r\n')[1]).toBe(
      `pg1,'-fsm,"'=HYPERLINK(""http://evil.example"",""x"")",pj1,'@ledger,"'+SUM(1,2)",status-reporting,1.0.0,2027-01-31,pending`,
    );
  });
});
