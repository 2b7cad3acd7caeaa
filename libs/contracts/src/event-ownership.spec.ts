import { EVENT_CATALOG } from './catalog';
import { checkEventSource } from './event-ownership';

describe('checkEventSource', () => {
  it.each([
    ['pmo.program.registered.v1', '/pmo/program-pmo'],
    ['pmo.project.registered.v1', '/pmo/project-pmo'],
    ['pmo.standard.version-published.v1', '/pmo/strategic-pmo'],
    // One topic, three owners: pmo.variances.v1 carries requests (program), proposals (project) and decisions (strategic).
    ['pmo.variance.requested.v1', '/pmo/program-pmo'],
    ['pmo.variance.proposed.v1', '/pmo/project-pmo'],
    ['pmo.variance.decided.v1', '/pmo/strategic-pmo'],
  ])('accepts %s from its owner %s', (type, source) => {
    expect(checkEventSource(type, source)).toEqual({ accepted: true });
  });

  it.each([
    // Another service that may write the topic (project-pmo writes pmo.variances.v1) still may not decide a variance.
    ['pmo.variance.decided.v1', '/pmo/project-pmo', 'expected source /pmo/strategic-pmo, got /pmo/project-pmo'],
    ['pmo.program.registered.v1', '/pmo/strategic-pmo', 'expected source /pmo/program-pmo, got /pmo/strategic-pmo'],
    // Close is not enough: the source is compared whole.
    ['pmo.program.registered.v1', '/pmo/program-pmo/', 'expected source /pmo/program-pmo, got /pmo/program-pmo/'],
    ['pmo.program.registered.v1', 'program-pmo', 'expected source /pmo/program-pmo, got program-pmo'],
  ])('refuses %s from %s', (type, source, reason) => {
    const check = checkEventSource(type, source);
    expect(check).toEqual({ accepted: false, code: 'FORBIDDEN_SOURCE', reason: `${type} is accepted only from its owner: ${reason}` });
  });

  it('refuses an event type the catalog does not know', () => {
    expect(checkEventSource('pmo.program.renamed.v1', '/pmo/program-pmo')).toEqual({
      accepted: false,
      code: 'UNKNOWN_TYPE',
      reason: 'unknown event type pmo.program.renamed.v1',
    });
  });

  it('never lists an event’s owner among its consumers', () => {
    // A service applies what others say; its own events it already applied in the transaction that wrote them.
    const selfConsumed = Object.values(EVENT_CATALOG)
      .filter((d) => d.consumers.includes(d.owner))
      .map((d) => d.type);
    expect(selfConsumed).toEqual([]);
  });
});
