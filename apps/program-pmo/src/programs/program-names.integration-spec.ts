import { callApi, keycloakToken, startServiceAlone, uniqueSuffix, type ServiceAlone } from '@pmo/testing';
import { startProgramPmo } from '../bootstrap';

// Program names that would look like another in a list, or read backwards, are refused with a 400 naming the
// rule, and nothing is stored; names in any script, with the joiners and marks real text needs, are taken.
let service: ServiceAlone;
let token: string;
const suffix = uniqueSuffix();
const NOT_VISIBLE =
  'name must not start or end with a space, nor hold an invisible or text-direction character (U+200B, U+2060, U+FEFF, U+202A–U+202E, U+2066–U+2069)';

const programCount = async () => Number(((await service.dataSource.query('SELECT count(*) AS n FROM programs')) as { n: string }[])[0].n);

beforeAll(async () => {
  service = await startServiceAlone('program-pmo', `program_pmo_names_${suffix}`, startProgramPmo);
  token = await keycloakToken('sam.strategic');
}, 120_000);

afterAll(() => service?.stop());

describe('program names', () => {
  it.each([
    ['a trailing space', `Finance ${suffix} `],
    ['a leading no-break space', `\u00a0Finance ${suffix}`],
    ['a zero-width space', `Fin\u200bance ${suffix}`],
    ['a byte-order mark', `\ufeffFinance ${suffix}`],
    ['a right-to-left override', `\u202eFinance ${suffix}`],
  ])('refuses one with %s beside a program of the same look, and stores nothing', async (_case, lookalike) => {
    expect((await callApi('POST', `${service.url}/programs`, token, { name: `Finance ${suffix}` })).status).toBeLessThan(500);
    const before = await programCount();
    const answer = await callApi<{ code: string; message: string }>('POST', `${service.url}/programs`, token, { name: lookalike });
    expect([answer.status, answer.body.code, answer.body.message]).toEqual([400, 'REQUEST.VALIDATION', NOT_VISIBLE]);
    expect(await programCount()).toBe(before);
  });

  it.each([
    ['Cyrillic', `Финансы ${suffix}`],
    ['Persian with a zero-width non-joiner', `می\u200cخواهم ${suffix}`],
    ['Hebrew with a right-to-left mark', `תקציב\u200f ${suffix}`],
  ])('registers one in %s', async (_case, name) => {
    const answer = await callApi<{ name: string }>('POST', `${service.url}/programs`, token, { name });
    expect([answer.status, answer.body.name]).toEqual([201, name]);
  });
});
