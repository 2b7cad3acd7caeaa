/**
 * Loads a module after the event loop has had a turn. A require() holds the loop until it returns, so a service
 * loading its framework in one go (2–3 s on a busy node) would leave the port it opened first unanswered all
 * that time; loaded a piece at a time, each after a turn, a probe waits at most for the piece being loaded.
 * Two passes of the loop's poll phase: one accepts a probe's connection, the next reads its request and answers.
 */
export async function afterATurn<T>(load: () => Promise<T>): Promise<T> {
  for (let pass = 0; pass < 2; pass++) await new Promise<void>((resolve) => setImmediate(resolve));
  return load();
}
