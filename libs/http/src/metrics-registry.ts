import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's one Prometheus registry: in the embedded mode the three services share the process, so
 * every series carries a `service` label and each service's `/metrics` shows the whole process.
 */
export const metricsRegistry = new Registry();
// prom-client's own process metrics: pmo_process_cpu_seconds_total, pmo_nodejs_eventloop_lag_seconds, …
collectDefaultMetrics({ register: metricsRegistry, prefix: 'pmo_' });

export const httpRequestDuration = new Histogram({
  name: 'pmo_http_request_duration_seconds',
  help: 'HTTP requests by route template, method and status, from the first byte in to the last byte out',
  labelNames: ['service', 'method', 'route', 'status_code'] as const,
  // From a cached read (a few ms) to a large import or a request that waited for a connection (5 s).
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const outboxUnpublished = new Gauge({
  name: 'pmo_outbox_unpublished_events',
  help: 'Events committed to the outbox and not yet published to the broker',
  labelNames: ['service'] as const,
  registers: [metricsRegistry],
});

export const outboxOldestAge = new Gauge({
  name: 'pmo_outbox_oldest_unpublished_age_seconds',
  help: 'Age of the oldest unpublished outbox event (0 when none waits)',
  labelNames: ['service'] as const,
  registers: [metricsRegistry],
});

export const consumerLag = new Gauge({
  name: 'pmo_consumer_lag_messages',
  help: "Messages on a partition after the service's consumer group's committed offset (partitions the group has committed on)",
  labelNames: ['service', 'group', 'topic', 'partition'] as const,
  registers: [metricsRegistry],
});

export const deadLetters = new Counter({
  name: 'pmo_dead_letters_total',
  help: 'Messages the service could not use and sent to a dead-letter topic, by source topic and reason code',
  labelNames: ['service', 'topic', 'code'] as const,
  registers: [metricsRegistry],
});

export const auditUnsealed = new Gauge({
  name: 'pmo_audit_unsealed_entries',
  help: 'Audit entries committed and not yet sealed into the hash chain',
  labelNames: ['service'] as const,
  registers: [metricsRegistry],
});

export const brokerUp = new Gauge({
  name: 'pmo_broker_up',
  help: 'The event broker answers (1) or is degraded (0), as in /health/ready details.broker',
  labelNames: ['service'] as const,
  registers: [metricsRegistry],
});
