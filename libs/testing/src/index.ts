// Handles on the real PostgreSQL, Kafka and Keycloak of deploy/local for tests, tokens, and service processes.
export { LOCAL_INFRASTRUCTURE, dropLocalDatabase, localDatabase, localKafka, kafkaServiceUser } from './infrastructure';
export { uniqueSuffix } from './fresh-ids';
export { eventually } from './eventually';
export { keycloakToken, tamperedToken, type DemoUsername } from './keycloak-tokens';
export { freePort, runTypeScript, waitUntilReady, type RunningProcess } from './service-processes';
export { startDistributedServices, type DistributedServices, type ServiceKey } from './distributed-services';
export { callApi, type HttpAnswer } from './http-client';
export { getOnTheWire, type WireAnswer } from './wire-answer';
export { startServiceAlone, type ServiceAlone } from './service-alone';
export {
  expectPortfolioModelAgrees,
  expectProgramModelAgrees,
  type PortfolioComplianceFilter,
  type ProgramComplianceFilter,
} from './e2e/compliance-model.checks';
