import { PMO_ELEMENTS, type PmoElement } from '@pmo/contracts';

/** One element's current and future state as an assessment rated it. */
export interface ElementRating {
  element: PmoElement;
  currentState: string;
  currentLevel: number;
  futureState: string;
  futureLevel: number;
  effortWeeks: number;
}

/** A dated assessment of some elements. */
export interface DatedAssessment {
  assessedOn: string;
  elements: ElementRating[];
}

/** The gap of one element, from the latest assessment that rated it: its size is future minus current level. */
export interface Gap extends ElementRating {
  assessedOn: string;
  size: number;
}

/** One element's maturity over time, oldest assessment first. */
export interface ElementTrend {
  element: PmoElement;
  points: { assessedOn: string; currentLevel: number; futureLevel: number }[];
}

function byDate(assessments: readonly DatedAssessment[]): DatedAssessment[] {
  return [...assessments].sort((a, b) => a.assessedOn.localeCompare(b.assessedOn));
}

/** One gap per assessed element, from its latest rating, in the order of the elements. */
export function gapsOf(assessments: readonly DatedAssessment[]): Gap[] {
  const latest = new Map<PmoElement, Gap>();
  for (const assessment of byDate(assessments)) {
    for (const rating of assessment.elements) {
      latest.set(rating.element, { ...rating, assessedOn: assessment.assessedOn, size: rating.futureLevel - rating.currentLevel });
    }
  }
  return PMO_ELEMENTS.flatMap((element) => latest.get(element) ?? []);
}

/** Per assessed element, its current and future level at each assessment that rated it. */
export function trendOf(assessments: readonly DatedAssessment[]): ElementTrend[] {
  const sorted = byDate(assessments);
  return PMO_ELEMENTS.map((element) => ({
    element,
    points: sorted.flatMap((a) =>
      a.elements.filter((r) => r.element === element).map((r) => ({ assessedOn: a.assessedOn, currentLevel: r.currentLevel, futureLevel: r.futureLevel })),
    ),
  })).filter((trend) => trend.points.length > 0);
}

/** What is wrong with the ratings of one assessment: an element twice, or a future state below the current one. */
export function ratingProblems(elements: readonly ElementRating[]): string[] {
  const seen = new Set<PmoElement>();
  const problems: string[] = [];
  for (const rating of elements) {
    if (seen.has(rating.element)) problems.push(`element ${rating.element} is rated twice`);
    seen.add(rating.element);
    if (rating.futureLevel < rating.currentLevel)
      problems.push(`element ${rating.element}: the future level (${rating.futureLevel}) is below the current level (${rating.currentLevel})`);
  }
  return problems;
}
