import { topicAccessOf } from './topic-access';

describe('topicAccessOf', () => {
  it.each([
    [
      'strategic-pmo',
      {
        writes: ['pmo.feedback.v1', 'pmo.standards.v1', 'pmo.variances.v1'],
        reads: ['pmo.adoptions.v1', 'pmo.feedback.v1', 'pmo.programs.v1', 'pmo.projects.v1', 'pmo.variances.v1'],
      },
    ],
    [
      'program-pmo',
      {
        writes: ['pmo.adoptions.v1', 'pmo.feedback.v1', 'pmo.programs.v1', 'pmo.variances.v1'],
        reads: ['pmo.feedback.v1', 'pmo.projects.v1', 'pmo.standards.v1', 'pmo.variances.v1'],
      },
    ],
    // project-pmo may not write pmo.programs.v1: only program-pmo owns an event there.
    ['project-pmo', { writes: ['pmo.projects.v1', 'pmo.variances.v1'], reads: ['pmo.programs.v1', 'pmo.standards.v1', 'pmo.variances.v1'] }],
  ] as const)('derives what %s writes and reads from the owners and consumers of the catalog', (service, expected) => {
    const access = topicAccessOf(service);
    expect({ writes: access.writes, reads: access.reads }).toEqual(expected);
    expect(access.deadLetters).toEqual(expected.reads.map((topic) => `${topic}.dlq`));
  });
});
