import { gapsOf, ratingProblems, trendOf, type ElementRating } from './gap-analysis';

const rating = (element: ElementRating['element'], currentLevel: number, futureLevel: number, effortWeeks = 4): ElementRating => ({
  element,
  currentState: `${element} now`,
  currentLevel,
  futureState: `${element} later`,
  futureLevel,
  effortWeeks,
});

describe('gap analysis', () => {
  const first = { assessedOn: '2026-01-15', elements: [rating('methodology', 1, 4, 8), rating('training', 2, 4)] };
  const second = { assessedOn: '2026-06-15', elements: [rating('methodology', 3, 4, 3)] };

  it('sizes each element’s gap from its latest rating, whatever order the assessments come in', () => {
    expect(gapsOf([second, first]).map((g) => [g.element, g.assessedOn, g.size, g.effortWeeks])).toEqual([
      ['methodology', '2026-06-15', 1, 3],
      ['training', '2026-01-15', 2, 4],
    ]);
  });

  it('has no gap for an element never assessed', () => {
    expect(gapsOf([]).length).toBe(0);
    expect(gapsOf([first]).map((g) => g.element)).not.toContain('tools');
  });

  it('draws each element’s trend oldest first, only at the assessments that rated it', () => {
    expect(trendOf([second, first])).toEqual([
      {
        element: 'methodology',
        points: [
          { assessedOn: '2026-01-15', currentLevel: 1, futureLevel: 4 },
          { assessedOn: '2026-06-15', currentLevel: 3, futureLevel: 4 },
        ],
      },
      { element: 'training', points: [{ assessedOn: '2026-01-15', currentLevel: 2, futureLevel: 4 }] },
    ]);
  });

  it.each([
    [[rating('tools', 2, 2)], []],
    [[rating('tools', 3, 2)], ['element tools: the future level (2) is below the current level (3)']],
    [[rating('tools', 1, 2), rating('tools', 1, 3)], ['element tools is rated twice']],
  ])('finds the problems of %j', (elements, problems) => {
    expect(ratingProblems(elements)).toEqual(problems);
  });
});
