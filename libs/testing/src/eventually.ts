/**
 * Retries `probe` until it stops throwing (an expect inside it), or fails with its last error after
 * `timeoutMs`. For effects that arrive through events, which are asynchronous by design.
 */
export async function eventually<T>(probe: () => Promise<T> | T, timeoutMs = 20_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
