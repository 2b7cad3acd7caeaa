import type { DemoApi } from './demo-api';

const DAY = 86_400_000;
const SERVICES = ['strategic-pmo', 'program-pmo', 'project-pmo'] as const;
type Service = (typeof SERVICES)[number];

/**
 * The demo's quarter of governance history. Every fact is dated by the clock of the service that records it,
 * so the loaders move the services' clocks (the embedded mode keeps them movable while the demo loads) to the
 * day of each fact, in the order the facts happened, and `restore` puts every clock back to the system time.
 * Days count from the instant the load began: -88 is 88 days before it.
 */
export interface DemoHistory {
  /** False when the clocks are locked: the facts are then all dated now. */
  readonly movable: boolean;
  /** The instant `days` from the start of the load. */
  instant(days: number): Date;
  /** The UTC calendar day (YYYY-MM-DD) `days` from the start of the load. */
  day(days: number): string;
  /** Moves the clocks of `services` (all three unless told) to `days` from the start, or to an instant. */
  at(when: number | Date, services?: readonly Service[]): Promise<void>;
  /** Puts every clock back to the system time. */
  restore(): Promise<void>;
}

/** `platform` is a platform-admin's API (PUT /clock); the start is now. */
export async function demoHistory(platform: DemoApi): Promise<DemoHistory> {
  const clockOf = (service: Service) => `${platform.urls[service]}/clock`;
  const movable = ((await platform.call('GET', clockOf('strategic-pmo'))) as { controllable: boolean }).controllable;
  const start = Date.now();
  const moveTo = async (instant: Date, services: readonly Service[]) => {
    if (!movable) return;
    for (const service of services) await platform.call('PUT', clockOf(service), { now: instant.toISOString() });
  };
  const instant = (days: number) => new Date(start + days * DAY);
  return {
    movable,
    instant,
    day: (days) => instant(days).toISOString().slice(0, 10),
    at: (when, services = SERVICES) => moveTo(typeof when === 'number' ? instant(when) : when, services),
    // The system time of the moment it is put back, not the start: the load took a while.
    restore: async () => {
      if (movable) for (const service of SERVICES) await platform.call('PUT', clockOf(service), { now: new Date().toISOString() });
    },
  };
}
