/** How the outbox relay batches; the defaults and why they were chosen: docs/architecture.md, "The relay's batch". */
export interface RelaySettings {
  /** Outbox rows read and published per send (PMO_RELAY_BATCH_SIZE). */
  batchSize: number;
  /** Pause before the next batch while commits keep coming, so their rows leave together (PMO_RELAY_LINGER_MS). */
  lingerMs: number;
}

/** Reads `PMO_RELAY_BATCH_SIZE` and `PMO_RELAY_LINGER_MS`; throws naming every bad variable. */
export function relaySettingsFromEnv(env: NodeJS.ProcessEnv): RelaySettings {
  const problems: string[] = [];
  const batchSize = Number(env.PMO_RELAY_BATCH_SIZE ?? 500);
  if (!Number.isInteger(batchSize) || batchSize < 1) problems.push(`PMO_RELAY_BATCH_SIZE must be a positive integer, got ${env.PMO_RELAY_BATCH_SIZE}`);
  const lingerMs = Number(env.PMO_RELAY_LINGER_MS ?? 5);
  if (!Number.isInteger(lingerMs) || lingerMs < 0) problems.push(`PMO_RELAY_LINGER_MS must be a whole number of milliseconds, got ${env.PMO_RELAY_LINGER_MS}`);
  if (problems.length) throw new Error(`Invalid environment variables: ${problems.join('; ')}`);
  return { batchSize, lingerMs };
}
