import { ViewAnswers } from './view-answers';

const body = (bytes: number) => Buffer.alloc(bytes, 'x');

describe('ViewAnswers', () => {
  it('gives an answer back only at the version it was kept under', () => {
    const answers = new ViewAnswers(100);
    answers.set('heatmap', '7', body(10));
    expect(answers.get('heatmap', '7')?.byteLength).toBe(10);
    expect(answers.get('heatmap', '8')).toBeUndefined();
    expect(answers.get('summary', '7')).toBeUndefined();
  });

  it('replaces the answer of a key kept at an older version', () => {
    const answers = new ViewAnswers(100);
    answers.set('heatmap', '7', body(10));
    answers.set('heatmap', '8', body(20));
    expect(answers.get('heatmap', '7')).toBeUndefined();
    expect(answers.get('heatmap', '8')?.byteLength).toBe(20);
    expect(answers.size).toBe(20);
  });

  it('lets the least recently used answers go to stay within its bytes', () => {
    const answers = new ViewAnswers(30);
    answers.set('a', '1', body(10));
    answers.set('b', '1', body(10));
    answers.set('c', '1', body(10));
    answers.get('a', '1'); // a is now the most recently used: b goes first
    answers.set('d', '1', body(10));
    expect(['a', 'b', 'c', 'd'].map((key) => answers.get(key, '1') !== undefined)).toEqual([true, false, true, true]);
    expect(answers.size).toBe(30);
  });

  it('does not keep an answer larger than its bound, nor drop others for it', () => {
    const answers = new ViewAnswers(30);
    answers.set('a', '1', body(10));
    answers.set('huge', '1', body(31));
    expect(answers.get('huge', '1')).toBeUndefined();
    expect(answers.get('a', '1')).toBeDefined();
  });
});
