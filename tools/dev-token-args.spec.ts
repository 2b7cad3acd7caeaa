import { parseDevTokenArgs } from './dev-token-args';

describe('parseDevTokenArgs', () => {
  it.each([
    [['sam.strategic'], { list: false, username: 'sam.strategic' }],
    [['--list'], { list: true }],
    [
      ['alice', '--roles', 'program-manager,auditor', '--groups', '/programs/program-grants,/x'],
      { list: false, username: 'alice', roles: ['program-manager', 'auditor'], groups: ['/programs/program-grants', '/x'] },
    ],
    [['--roles=auditor', 'bob'], { list: false, username: 'bob', roles: ['auditor'] }],
    [['carol', '--roles', ''], { list: false, username: 'carol', roles: [] }],
  ])('reads %j', (argv, expected) => {
    expect(parseDevTokenArgs(argv)).toEqual(expected);
  });

  it.each([[[]], [['--roles', 'auditor']], [['alice', '--groups']], [['alice', 'bob']], [['alice', '--role', 'x']]])('refuses %j with the usage', (argv) => {
    expect(() => parseDevTokenArgs(argv)).toThrow(/usage: npm run -s dev-token/);
  });
});
