import { bodyProblemOf } from './input-guard';

const nested = (levels: number): unknown => JSON.parse('['.repeat(levels) + ']'.repeat(levels));

describe('bodyProblemOf', () => {
  it.each([
    [
      'a NUL in a nested string',
      { requirements: [{ text: 'a\u0000b' }] },
      'REQUEST.CONTROL_CHARACTER',
      'requirements[0].text must not contain control characters (U+0000 at position 1)',
    ],
    ['DEL in a string', { name: 'x\u007f' }, 'REQUEST.CONTROL_CHARACTER', 'name must not contain control characters (U+007F at position 1)'],
    ['a lone high surrogate', { name: 'a\ud800' }, 'REQUEST.INVALID_UNICODE', 'name must be valid Unicode (lone surrogate U+D800 at position 1)'],
    ['a lone low surrogate', { name: '\udc00z' }, 'REQUEST.INVALID_UNICODE', 'name must be valid Unicode (lone surrogate U+DC00 at position 0)'],
    [
      'a control character in a key',
      { ['a\u0001']: 1 },
      'REQUEST.CONTROL_CHARACTER',
      'the name of a field in request body must not contain control characters (U+0001 at position 1)',
    ],
    ['a number past double (JSON 1e400)', { limit: Infinity }, 'REQUEST.VALIDATION', 'limit must be a finite number'],
    ['33 levels', nested(33), 'REQUEST.TOO_DEEP', undefined],
    // a key that is not an identifier is quoted, so the path stays readable
    ['a quoted key', { 'a b': 'x\u0000' }, 'REQUEST.CONTROL_CHARACTER', '"a b" must not contain control characters (U+0000 at position 1)'],
  ])('refuses %s', (_name, body, code, message) => {
    const problem = bodyProblemOf(body);
    expect(problem?.code).toBe(code);
    if (message) expect(problem?.message).toBe(message);
  });

  it.each([
    ['tab, LF and CR in text', { text: 'line 1\r\n\tline 2' }],
    ['a surrogate pair (an emoji)', { name: 'ok \ud83d\ude00' }],
    ['32 levels', nested(32)],
    ['null, booleans and numbers', { a: null, b: true, c: 2147483647 }],
  ])('accepts %s', (_name, body) => {
    expect(bodyProblemOf(body)).toBeUndefined();
  });
});
