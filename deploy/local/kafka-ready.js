// Waits until the Kafka broker answers a metadata request through kafkajs (the platform's client),
// which proves more than an open port: the controller has elected itself and the broker is registered.
// usage: node kafka-ready.js <host:port> [timeoutSeconds]   (as the admin when PMO_KAFKA_SASL_MECHANISM is set)
const { adminKafka } = require('./kafka-client');

const [broker, timeoutArg] = process.argv.slice(2);
const deadline = Date.now() + Number(timeoutArg || 90) * 1000;

async function attempt() {
  const kafka = adminKafka(broker, 'pmo-ready-check', { retry: { retries: 0 }, connectionTimeout: 2000, requestTimeout: 5000 });
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.listTopics();
    // Asking for a group coordinator makes the broker create __consumer_offsets now, so the first
    // consumer-group join of a test does not hit "group coordinator not available".
    await admin.describeGroups(['pmo-ready-check']);
    const cluster = await admin.describeCluster();
    return cluster;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

(async () => {
  let last;
  while (Date.now() < deadline) {
    try {
      const cluster = await attempt();
      console.log(
        `[pmo] kafka ready: cluster ${cluster.clusterId}, controller ${cluster.controller}, brokers ${cluster.brokers.map((b) => `${b.host}:${b.port}`).join(',')}`,
      );
      process.exit(0);
    } catch (err) {
      last = err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  console.error(`[pmo] kafka not ready at ${broker}: ${last && last.message}`);
  process.exit(1);
})();
