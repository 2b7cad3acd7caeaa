import { Readable } from 'node:stream';
import { CrlfLines } from './crlf-lines';

async function through(chunks: string[]): Promise<string> {
  let out = '';
  for await (const chunk of Readable.from(chunks.map((c) => Buffer.from(c))).pipe(new CrlfLines())) out += (chunk as Buffer).toString();
  return out;
}

describe('CrlfLines', () => {
  it('ends every record with CRLF', async () => {
    expect(await through(['a,b\nc,d\n'])).toBe('a,b\r\nc,d\r\n');
  });

  it('leaves a line break inside a quoted field as it is, also when the field spans chunks', async () => {
    expect(await through(['a,"x\ny"\n'])).toBe('a,"x\ny"\r\n');
    expect(await through(['a,"x', '\ny', '"",z"\nb\n'])).toBe('a,"x\ny"",z"\r\nb\r\n');
  });

  it('passes a chunk without a record end through unchanged', async () => {
    expect(await through(['abc', 'def\n'])).toBe('abcdef\r\n');
  });
});
