import { AccessScope, projectCodesByProgram } from './access-scope';

const fsm = { programCode: 'fsm', projectCodesOfProgram: ['fsm-ledger', 'fsm-payroll'] };
const hr = { programCode: 'hr', projectCodesOfProgram: ['hr-payroll'] };
const ledger = { programCode: 'fsm', projectCode: 'fsm-ledger' };
const payroll = { programCode: 'fsm', projectCode: 'fsm-payroll' };

describe('AccessScope', () => {
  it('gives organisation-wide roles every program and project', () => {
    for (const role of ['strategic-admin', 'strategic-reviewer', 'auditor']) {
      const scope = AccessScope.of({ roles: [role], groups: [] });
      expect([fsm, hr, ledger, payroll].every((r) => scope.reaches(r))).toBe(true);
    }
  });

  it('gives a program manager the programs of his program groups and all their projects', () => {
    const scope = AccessScope.of({ roles: ['program-manager'], groups: ['program-fsm'] });
    expect([scope.reaches(fsm), scope.reaches(ledger), scope.reaches(payroll), scope.reaches(hr)]).toEqual([true, true, true, false]);
    expect(scope.mayRegisterProgram('fsm')).toBe(true);
    expect(scope.mayRegisterProgram('hr')).toBe(false);
  });

  it('gives a project manager his projects and the programs that hold them, not their sibling projects', () => {
    const scope = AccessScope.of({ roles: ['project-manager'], groups: ['/projects/project-fsm-ledger'] });
    expect([scope.reaches(ledger), scope.reaches(fsm), scope.reaches(payroll), scope.reaches(hr)]).toEqual([true, true, false, false]);
  });

  it('ignores groups that the role does not use, and roles without a group', () => {
    expect(AccessScope.of({ roles: ['project-manager'], groups: ['program-fsm'] }).reaches(fsm)).toBe(false);
    expect(AccessScope.of({ roles: ['platform-admin'], groups: ['program-fsm'] }).reaches(fsm)).toBe(false);
    expect(AccessScope.of({ roles: ['program-manager'], groups: ['program-'] }).programCodes.size).toBe(0);
  });
});

describe('projectCodesByProgram', () => {
  it('groups project codes by their program', () => {
    const byProgram = projectCodesByProgram([
      { programId: 'p1', code: 'a' },
      { programId: 'p2', code: 'b' },
      { programId: 'p1', code: 'c' },
    ]);
    expect(Object.fromEntries(byProgram)).toEqual({ p1: ['a', 'c'], p2: ['b'] });
  });
});
