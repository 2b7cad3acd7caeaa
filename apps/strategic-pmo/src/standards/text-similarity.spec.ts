import { pairAlike, similarity } from './text-similarity';

describe('similarity', () => {
  it.each<[string, string, number]>([
    ['Program Charter', 'Program Charter', 1],
    // Case, punctuation, order, little words and a plural s do not count.
    ['Status Reports/Dashboards', 'status report and dashboard', 1],
    ['Develop the Program Charter.', 'charter: develop program', 1],
    // IV&V and curly apostrophes stay inside one word.
    ['IV&V Plan', 'IV V Plan', 0.4],
    ['Customer’s PMO', "customer's PMO", 1],
    ['IV&V Plan', 'Independent Verification & Validation (IV&V) Plan', 4 / 7],
    ['Develop Program Charter', 'Draft the Program Charter', 2 / 3],
    ['PMO Team, if on boarded', 'PMO Team', 0.8],
    ['Initial Master Schedule', 'Integrated Master Schedule (IMS)', 4 / 7],
    ['Program Charter', 'Program Budget', 0.5],
    ['Executive Sponsor', 'Program Sponsor', 0.5],
    ['Program Charter', 'Program Management Plan', 0.4],
    ['Vision', 'Risk Register', 0],
    // Nothing but little words: like nothing, not even itself.
    ['and the', 'and the', 0],
    ['', '', 0],
  ])('of "%s" and "%s" is %d', (a, b, expected) => {
    expect(similarity(a, b)).toBeCloseTo(expected, 10);
    expect(similarity(b, a)).toBeCloseTo(expected, 10);
  });
});

describe('pairAlike', () => {
  const pairs = (before: string[], after: string[]): string[] => pairAlike(before, after, similarity).map(([a, b]) => `${a} → ${b}`);

  it('pairs the best-scoring pair first, each item once', () => {
    expect(pairs(['Signed Program Charter Draft', 'Program Charter'], ['Program Charter Draft', 'Signed Program Charter'])).toEqual([
      'Signed Program Charter Draft → Program Charter Draft',
      'Program Charter → Signed Program Charter',
    ]);
  });

  it('leaves out pairs at or below the threshold', () => {
    expect(pairs(['Program Charter', 'Executive Sponsor'], ['Program Budget', 'Program Sponsor'])).toEqual([]);
  });

  it('gives a tie to the earlier item of before, then of after', () => {
    expect(pairs(['Risk Log', 'Risk Register'], ['Risk Register Log'])).toEqual(['Risk Log → Risk Register Log']);
    expect(pairs(['Risk Register Log'], ['Risk Log', 'Risk Register'])).toEqual(['Risk Register Log → Risk Log']);
  });
});
