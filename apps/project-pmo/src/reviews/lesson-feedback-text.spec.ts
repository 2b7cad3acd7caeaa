import { lessonFeedbackText } from './lesson-feedback-text';

describe('lessonFeedbackText', () => {
  it('heads the lesson with its category and project, then the recommendation', () => {
    expect(lessonFeedbackText({ category: 'methodology', whatHappened: 'No gate before cut-over', recommendation: 'Add a readiness gate' }, 'Ledger')).toBe(
      'Lesson (methodology) from project Ledger: No gate before cut-over\nRecommendation: Add a readiness gate',
    );
  });

  it.each([
    // Both texts at their 2,000 limit plus a long project name exceed the feedback's 4,000.
    ['two full texts', 'x'.repeat(2000), 'y'.repeat(2000), 4000],
    ['short texts', 'late', 'earlier', 80],
  ])('keeps within the feedback limit: %s', (_case, whatHappened, recommendation, length) => {
    const text = lessonFeedbackText({ category: 'schedule', whatHappened, recommendation }, 'A long project name');
    expect(text.length).toBe(length);
    expect(text.length).toBeLessThanOrEqual(4000);
  });
});
