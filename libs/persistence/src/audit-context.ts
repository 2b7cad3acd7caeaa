import { AsyncLocalStorage } from 'node:async_hooks';

/** What the audit log takes from the request being served, beside the actor the service passes. */
export interface AuditContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<AuditContext>();

/** Runs `work` (and everything it awaits) with `context`; the HTTP layer calls it once per request. */
export function runWithAuditContext<T>(context: AuditContext, work: () => T): T {
  return storage.run(context, work);
}

/** The context of the request being served, if any (none for event handlers and schedulers). */
export function currentAuditContext(): AuditContext | undefined {
  return storage.getStore();
}
