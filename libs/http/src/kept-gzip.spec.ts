import { gunzipSync } from 'node:zlib';
import { gzipOfKept } from './kept-gzip';

const gunzipped = (parts: Buffer[]) => gunzipSync(Buffer.concat(parts)).toString();

describe('gzipOfKept', () => {
  it('gunzips to the body followed by the tail', async () => {
    const body = Buffer.from(`{"cells":[${Array.from({ length: 5_000 }, (_, i) => `[${i % 200},${i % 50},1,2,0,0,0,3,0,4]`).join(',')}]`);
    const tail = ',"asOf":"2026-12-01T23:00:00.000Z"}';
    const json = gunzipped(await gzipOfKept(body, tail));
    expect(json).toBe(`${body.toString()}${tail}`);
    expect(JSON.parse(json).cells).toHaveLength(5_000);
  });

  it('compresses a body once, whatever the tails that follow it', async () => {
    const body = Buffer.from('{"a":"' + 'x'.repeat(100_000) + '"');
    const [first, second] = [await gzipOfKept(body, ',"b":1}'), await gzipOfKept(body, ',"b":22}')];
    expect(first[1]).toBe(second[1]);
    expect(first[1].byteLength).toBeLessThan(1_000);
    expect(JSON.parse(gunzipped(second)).b).toBe(22);
  });

  it('keeps multi-byte characters of the tail and an empty tail valid', async () => {
    const body = Buffer.from('{"name":"Migración"');
    expect(JSON.parse(gunzipped(await gzipOfKept(body, ',"asOf":"é…"}')))).toEqual({ name: 'Migración', asOf: 'é…' });
    expect(gunzipped(await gzipOfKept(Buffer.from('[1,2]'), ''))).toBe('[1,2]');
  });
});
