import type { AuthSettings } from '@pmo/auth';
import type { PmoService } from '@pmo/contracts';
import type { EventTransport, MessagingSettings, RelaySettings } from '@pmo/messaging';
import type { DatabaseSettings } from '@pmo/persistence';
import type { Logger } from 'pino';

/**
 * A condition of readiness besides the database and the broker, named in `/health/ready`'s details:
 * the embedded mode is not ready before its demo data has loaded.
 */
export interface ReadinessGate {
  name: string;
  /** null once passed; else what is still awaited, for the 503's details. */
  waitingFor: () => string | null;
}

/** Everything a service needs from outside to run; the embedded and distributed modes fill it differently. */
export interface ServiceRuntime {
  serviceName: PmoService;
  host: string;
  /** 0 picks a free port. */
  port: number;
  database: DatabaseSettings;
  /** Apply pending migrations at start (default): false when a separate `migrate` step ran them as the owner. */
  migrateOnStart?: boolean;
  messaging: MessagingSettings;
  /** How the outbox relay batches (absent: its defaults). */
  relay?: RelaySettings;
  /** Shared by the three services in the embedded mode; one per process in the distributed mode. */
  transport: EventTransport;
  auth: AuthSettings;
  logger: Logger;
  /** Lets PUT /clock move the domain's time (evaluation and tests only). */
  controllableClock: boolean;
  /** Further conditions of `/health/ready` (none: ready once the database and the broker answer). */
  readinessGates?: readonly ReadinessGate[];
}
