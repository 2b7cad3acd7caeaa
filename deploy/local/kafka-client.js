// A kafkajs client for the deploy scripts, authenticated as the broker's admin (super user) when the
// environment has the SASL settings that deploy/local/up generates (.pmo/kafka/sasl.env).
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const kafkajs = require(require.resolve('kafkajs', { paths: [ROOT] }));

function adminKafka(broker, clientId, settings = {}) {
  const mechanism = process.env.PMO_KAFKA_SASL_MECHANISM;
  const sasl = mechanism ? { mechanism, username: process.env.PMO_KAFKA_ADMIN_USERNAME || 'admin', password: process.env.PMO_KAFKA_ADMIN_PASSWORD } : undefined;
  return new kafkajs.Kafka({ clientId, brokers: [broker], logLevel: kafkajs.logLevel.NOTHING, ...(sasl ? { sasl } : {}), ...settings });
}

module.exports = { ROOT, kafkajs, adminKafka };
