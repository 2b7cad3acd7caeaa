// How a service runs: HTTP conventions (request ids, validation, one error filter, OpenAPI), health checks, the audit endpoints and start-up wiring.
export { DomainError, type GovernanceRefusal } from './domain-error';
export { ErrorFilter, toErrorBody, type ErrorBody } from './error-filter';
export { configureHttp, type HttpApiDescription } from './configure-http';
export { ApiContent, ApiErrors, ApiNoToken } from './openapi';
export { HealthModule, type BrokerCheck } from './health.module';
export { bootstrapService } from './bootstrap-service';
export { serviceInfrastructure, type ServiceSchema } from './service-modules';
export type { ReadinessGate, ServiceRuntime } from './service-runtime';
export { serviceRuntimeFromEnv } from './runtime-from-env';
export { runUntilStopped } from './run-until-stopped';
export { ApiPropertyOf, BodyOf, ParamOf, QueryOf } from './schema-params';
export { InvalidCursorError, streamChunks } from './keyset-pages';
export { sendJson, type JsonDocument } from './send-json';
export {
  IdempotencyKey,
  idempotentCall,
  onceForKey,
  IdempotencyKeyReusedError,
  InvalidIdempotencyKeyError,
  withoutIdempotencyKey,
  type IdempotentCall,
  type WithoutIdempotencyKey,
} from './idempotency-key';
export { CallerKeyedCall } from './caller-keyed-call';
export { Clock, ClockModule, ClockNotControllableError, scheduleOnClock, type ClockJob } from './clock';
