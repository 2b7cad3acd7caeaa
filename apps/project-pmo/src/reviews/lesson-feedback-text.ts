import type { LessonCategory } from '@pmo/contracts';

const FEEDBACK_TEXT_LIMIT = 4000;

/**
 * The text of the feedback a lesson becomes: what happened and the recommendation, headed by the project it
 * was learned in, so the strategic PMO reads it without opening the project. Cut to the feedback's limit.
 */
export function lessonFeedbackText(lesson: { category: LessonCategory; whatHappened: string; recommendation: string }, projectName: string): string {
  const text = `Lesson (${lesson.category}) from project ${projectName}: ${lesson.whatHappened}\nRecommendation: ${lesson.recommendation}`;
  return text.length <= FEEDBACK_TEXT_LIMIT ? text : `${text.slice(0, FEEDBACK_TEXT_LIMIT - 1)}…`;
}
