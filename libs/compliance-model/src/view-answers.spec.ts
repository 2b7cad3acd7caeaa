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

  describe('keptOrComputed', () => {
    // A computation the test answers when it chooses, counting how many were started.
    const computations = () => {
      const started: ((version: string | null) => void)[] = [];
      const compute = () => new Promise<{ body: Buffer; version: string | null }>((resolve) => started.push((version) => resolve({ body: body(5), version })));
      return { started, compute };
    };

    it('computes once for the requests that miss the same key at the same version meanwhile, and keeps the answer', async () => {
      const answers = new ViewAnswers(100);
      const { started, compute } = computations();
      const first = answers.keptOrComputed('summary', '7', compute);
      const second = answers.keptOrComputed('summary', '7', compute);
      await Promise.resolve();
      expect(started).toHaveLength(1);
      started[0]('7');
      const [a, b] = await Promise.all([first, second]);
      expect(b.body).toBe(a.body);
      expect(a.kept).toBe(true);
      expect((await answers.keptOrComputed('summary', '7', compute)).body).toBe(a.body);
      expect(started).toHaveLength(1);
    });

    it('computes again for another version or another key', async () => {
      const answers = new ViewAnswers(100);
      const { started, compute } = computations();
      const calls = [
        answers.keptOrComputed('summary', '7', compute),
        answers.keptOrComputed('summary', '8', compute),
        answers.keptOrComputed('heatmap', '7', compute),
      ];
      await Promise.resolve();
      expect(started).toHaveLength(3);
      started.forEach((answer, i) => answer(['7', '8', '7'][i]));
      await Promise.all(calls);
    });

    it('does not share nor keep a selection that cannot be kept', async () => {
      const answers = new ViewAnswers(100);
      const { started, compute } = computations();
      const calls = [answers.keptOrComputed('words', null, compute), answers.keptOrComputed('words', null, compute)];
      await Promise.resolve();
      expect(started).toHaveLength(2);
      started.forEach((answer) => answer(null));
      expect((await Promise.all(calls)).map((a) => a.kept)).toEqual([false, false]);
      expect(answers.size).toBe(0);
    });

    it('keeps nothing from a computation that failed, and the next request computes again', async () => {
      const answers = new ViewAnswers(100);
      await expect(answers.keptOrComputed('summary', '7', () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
      const again = await answers.keptOrComputed('summary', '7', async () => ({ body: body(3), version: '7' }));
      expect(again.body.byteLength).toBe(3);
    });
  });
});
