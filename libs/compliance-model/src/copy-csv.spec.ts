import { inlined } from './copy-csv';

describe('inlined', () => {
  it('puts each parameter in as a quoted literal, keeping the casts after it', () => {
    const at = new Date('2030-01-02T03:04:05.000Z');
    expect(inlined('a = $1::timestamptz AND b = ANY($2::uuid[]) AND c = $10', [at, ['x', 'y'], 3, 4, 5, 6, 7, 8, 9, 'z'])).toBe(
      `a = '2030-01-02T03:04:05.000Z'::timestamptz AND b = ANY('{"x","y"}'::uuid[]) AND c = 'z'`,
    );
  });

  it('escapes quotes and backslashes so that a value cannot end its literal', () => {
    // pg writes a backslash-escaped literal as ` E'…'`, with a space before it.
    expect(inlined('name ILIKE $1', [`%O'Brien\\%`])).toBe(`name ILIKE  E'%O''Brien\\\\%'`);
  });
});
