import type { AuthSettings } from '@pmo/auth';
import type { PmoService } from '@pmo/contracts';
import type { EventTransport, MessagingSettings } from '@pmo/messaging';
import type { DatabaseSettings } from '@pmo/persistence';
import type { Logger } from 'pino';

/** Everything a service needs from outside to run; the embedded and distributed modes fill it differently. */
export interface ServiceRuntime {
  serviceName: PmoService;
  host: string;
  /** 0 picks a free port. */
  port: number;
  database: DatabaseSettings;
  messaging: MessagingSettings;
  /** Shared by the three services in the embedded mode; one per process in the distributed mode. */
  transport: EventTransport;
  auth: AuthSettings;
  logger: Logger;
  /** Lets PUT /clock move the domain's time (evaluation and tests only). */
  controllableClock: boolean;
}
