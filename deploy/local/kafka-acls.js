// Gives each service's SCRAM user the ACLs that libs/contracts implies, and nothing else (run as the admin):
//   topics of the events it owns              WRITE, CREATE, DESCRIBE  (outbox relay; created at start)
//   their dead-letter topics                  CREATE, DESCRIBE         (created with them)
//   topics of the events it consumes          READ, CREATE, DESCRIBE   (created if it starts first)
//   dead-letter topics of what it consumes    WRITE, CREATE, DESCRIBE  (its consumer dead-letters there)
//   consumer groups named <service>...        READ                     (PMO_CONSUMER_GROUP_SUFFIX appends)
// Stale ACLs of those users are deleted, so a contract change takes effect at the next `up`.
// usage: node kafka-acls.js <host:port>
const { ROOT, kafkajs, adminKafka } = require('./kafka-client');
const { AclResourceTypes: Resource, AclOperationTypes: Op, AclPermissionTypes, ResourcePatternTypes: Pattern } = kafkajs;

require(require.resolve('@swc-node/register', { paths: [ROOT] }));
const { PMO_SERVICES, topicAccessOf, deadLetterTopicOf } = require(`${ROOT}/libs/contracts/src/index.ts`);

const [broker] = process.argv.slice(2);

function wantedAcls(service) {
  const access = topicAccessOf(service);
  const grants = [
    ...access.writes.map((topic) => [topic, [Op.WRITE, Op.CREATE, Op.DESCRIBE]]),
    ...access.writes.map((topic) => [deadLetterTopicOf(topic), [Op.CREATE, Op.DESCRIBE]]),
    ...access.reads.map((topic) => [topic, [Op.READ, Op.CREATE, Op.DESCRIBE]]),
    ...access.deadLetters.map((topic) => [topic, [Op.WRITE, Op.CREATE, Op.DESCRIBE]]),
  ];
  const principal = `User:${service}`;
  const acl = (resourceType, resourceName, resourcePatternType, operation) => ({
    resourceType,
    resourceName,
    resourcePatternType,
    principal,
    host: '*',
    operation,
    permissionType: AclPermissionTypes.ALLOW,
  });
  const byKey = new Map();
  for (const [topic, operations] of grants)
    for (const operation of operations)
      byKey.set(keyOf(acl(Resource.TOPIC, topic, Pattern.LITERAL, operation)), acl(Resource.TOPIC, topic, Pattern.LITERAL, operation));
  const group = acl(Resource.GROUP, service, Pattern.PREFIXED, Op.READ);
  byKey.set(keyOf(group), group);
  return { access, byKey };
}

function keyOf(acl) {
  return [acl.resourceType, acl.resourceName, acl.resourcePatternType, acl.principal, acl.host, acl.operation, acl.permissionType].join('|');
}

async function existingAcls(admin, service) {
  const { resources } = await admin.describeAcls({
    resourceType: Resource.ANY,
    resourcePatternType: Pattern.ANY,
    principal: `User:${service}`,
    operation: Op.ANY,
    permissionType: AclPermissionTypes.ANY,
  });
  const byKey = new Map();
  for (const resource of resources) {
    for (const entry of resource.acls) {
      const acl = { resourceType: resource.resourceType, resourceName: resource.resourceName, resourcePatternType: resource.resourcePatternType, ...entry };
      byKey.set(keyOf(acl), acl);
    }
  }
  return byKey;
}

(async () => {
  const missingUsers = PMO_SERVICES.filter((service) => !process.env[`${service.toUpperCase().replace(/-/g, '_')}_KAFKA_PASSWORD`]);
  if (missingUsers.length)
    throw new Error(`no SCRAM user for ${missingUsers.join(', ')}: add it to KAFKA_SERVICE_USERS in deploy/local/common.sh and format the storage again`);
  const admin = adminKafka(broker, 'pmo-acls').admin();
  await admin.connect();
  try {
    for (const service of PMO_SERVICES) {
      const { access, byKey: wanted } = wantedAcls(service);
      const existing = await existingAcls(admin, service);
      const stale = [...existing].filter(([key]) => !wanted.has(key)).map(([, acl]) => acl);
      const missing = [...wanted].filter(([key]) => !existing.has(key)).map(([, acl]) => acl);
      if (stale.length) await admin.deleteAcls({ filters: stale });
      if (missing.length) await admin.createAcls({ acl: missing });
      console.log(
        `[pmo] kafka ACLs of ${service}: writes ${access.writes.join(', ')}; reads ${access.reads.join(', ')}; groups ${service}*` +
          (stale.length || missing.length ? ` (${missing.length} added, ${stale.length} removed)` : ''),
      );
    }
  } finally {
    await admin.disconnect();
  }
})().catch((error) => {
  console.error(`[pmo] kafka ACLs not applied: ${error.message}`);
  process.exit(1);
});
