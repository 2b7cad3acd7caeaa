import { openLoop } from './open-loop';

describe('openLoop', () => {
  it('starts every request when it is due, without waiting for earlier answers', async () => {
    const started: number[] = [];
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const run = openLoop(200, 5, async (index) => {
      started.push(index);
      // No request answers before the last one has started: a closed loop would start only the first.
      if (index === 4) answer();
      await answered;
      return index;
    });
    const { requests } = await run;
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(requests.map((r) => r.value)).toEqual([0, 1, 2, 3, 4]);
  });

  it('counts a latency from the instant the request was due, so a wait for later answers shows', async () => {
    // Request 0 is due at once and answers with request 2, due 40 ms later: its latency is at least those 40 ms.
    let answer!: () => void;
    const thirdStarted = new Promise<void>((resolve) => (answer = resolve));
    const { requests } = await openLoop(50, 3, async (index) => {
      if (index === 2) answer();
      else await thirdStarted;
    });
    expect(requests[0].latencyMs).toBeGreaterThanOrEqual(39);
    expect(requests[2].latencyMs).toBeLessThan(requests[0].latencyMs);
  });

  it('never offers more than the rate asked for', async () => {
    const { startedPerSec, requests } = await openLoop(100, 11, async () => undefined);
    expect(requests).toHaveLength(11);
    // Ten intervals of 10 ms: never faster than asked (a late timer only slows it).
    expect(startedPerSec).toBeGreaterThan(0);
    expect(startedPerSec).toBeLessThanOrEqual(100.5);
  });
});
