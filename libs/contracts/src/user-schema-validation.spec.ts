import { USER_SCHEMA_CACHE_SIZE, compiledUserSchemaCount, strictSchemaProblemOf, userSchemaValidatorOf } from './user-schema-validation';

const format = (required: string[], title = 'Status report') => ({
  $id: 'https://example.org/status-report.json',
  title,
  type: 'object',
  required,
  properties: { rag: { enum: ['red', 'amber', 'green'] } },
});

describe('userSchemaValidatorOf', () => {
  it('compiles a schema once and answers the same validator for the same content after', () => {
    expect(userSchemaValidatorOf(format(['rag']))).toBe(userSchemaValidatorOf(format(['rag'])));
  });

  // A revision usually keeps its format's $id; one ajv holds one schema per $id.
  it('checks two schemas that share a $id, each against its own rules', () => {
    const first = userSchemaValidatorOf(format(['rag']));
    const second = userSchemaValidatorOf(format([]));
    expect([first({}), second({}), first({ rag: 'red' }), first({ rag: 'blue' })]).toEqual([false, true, true, false]);
  });

  it('keeps at most its bound of compiled schemas, dropping the least recently used', () => {
    const kept = userSchemaValidatorOf(format(['rag'], 'kept'));
    const dropped = userSchemaValidatorOf(format(['rag'], 'dropped'));
    for (let i = 0; i < USER_SCHEMA_CACHE_SIZE + 20; i++) {
      userSchemaValidatorOf(format([], `format ${i}`));
      // Used again and again, so never the least recently used.
      if (i % 50 === 0) userSchemaValidatorOf(format(['rag'], 'kept'));
    }
    expect(compiledUserSchemaCount()).toBe(USER_SCHEMA_CACHE_SIZE);
    expect(userSchemaValidatorOf(format(['rag'], 'kept'))).toBe(kept);
    expect(userSchemaValidatorOf(format(['rag'], 'dropped'))).not.toBe(dropped);
  });

  it('accepts keywords it does not know, as annotations', () => {
    expect(userSchemaValidatorOf({ type: 'object', 'x-owner': 'pmo' })({})).toBe(true);
  });
});

describe('strictSchemaProblemOf', () => {
  it.each([
    ['a misspelt type', { type: 'objekt' }, 'data/type must be equal to one of the allowed values'],
    ['an unknown keyword', { type: 'object', requird: ['rag'] }, 'unknown keyword: "requird"'],
  ])('names %s', (_case, schema, problem) => {
    expect(strictSchemaProblemOf(schema)).toContain(problem);
  });

  it('passes a schema that compiles strictly, as often as asked', () => {
    expect([strictSchemaProblemOf(format(['rag'])), strictSchemaProblemOf(format(['rag']))]).toEqual([undefined, undefined]);
  });
});
