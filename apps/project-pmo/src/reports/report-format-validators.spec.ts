import { reportValidatorOf } from './report-format-validators';

const format = (required: string[]) => ({
  $id: 'https://example.org/status-report.json',
  type: 'object',
  required,
  properties: { rag: { enum: ['red', 'amber', 'green'] } },
});

describe('reportValidatorOf', () => {
  it('compiles a published version once and answers the same validator after', () => {
    expect(reportValidatorOf('v-once', format(['rag']))).toBe(reportValidatorOf('v-once', format(['rag'])));
  });

  // A revision usually keeps its format's $id; one ajv holds one schema per $id.
  it('checks two versions that share a $id, each against its own schema', () => {
    const first = reportValidatorOf('v-1', format(['rag']));
    const second = reportValidatorOf('v-2', format([]));
    expect([first({}), second({}), first({ rag: 'red' }), first({ rag: 'blue' })]).toEqual([false, true, true, false]);
  });
});
