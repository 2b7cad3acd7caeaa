import type { EventTransport, ReceivedMessage, Subscription, SubscriptionHandle, TransportMessage } from '@pmo/messaging';

type Handle = Subscription['handle'];
type RunHandle = Handle & { handleRun(messages: readonly ReceivedMessage[]): Promise<void> };

/**
 * Gives the services of one bench run their own Kafka topics (`bench.<suffix>.pmo.programs.v1`), fresh
 * and deleted afterwards, so the bench's tens of thousands of events never land in the shared platform
 * topics that other runs and the contract suite read from the beginning. Services still see the
 * catalog's topic names: the prefix is added on the way out and removed on the way in.
 */
export class NamespacedTransport implements EventTransport {
  readonly kind: EventTransport['kind'];

  constructor(
    private readonly inner: EventTransport,
    private readonly prefix: string,
  ) {
    this.kind = inner.kind;
  }

  ensureTopics(topics: readonly string[]): Promise<void> {
    return this.inner.ensureTopics(topics.map((t) => this.outward(t)));
  }

  publish(messages: readonly TransportMessage[]): Promise<void> {
    return this.inner.publish(messages.map((m) => ({ ...m, topic: this.outward(m.topic) })));
  }

  subscribe(subscription: Subscription): Promise<SubscriptionHandle> {
    return this.inner.subscribe({ ...subscription, topics: subscription.topics.map((t) => this.outward(t)), handle: this.inward(subscription.handle) });
  }

  isHealthy(): Promise<boolean> {
    return this.inner.isHealthy();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private outward(topic: string): string {
    return `${this.prefix}${topic}`;
  }

  /** Strips the prefix before the handler sees a message, keeping the run capability (one transaction per run). */
  private inward(handle: Handle): Handle {
    const strip = (m: ReceivedMessage): ReceivedMessage => ({ ...m, topic: m.topic.slice(this.prefix.length) });
    const single: Handle = (message) => handle(strip(message));
    if (typeof (handle as Partial<RunHandle>).handleRun !== 'function') return single;
    return Object.assign(single, { handleRun: (messages: readonly ReceivedMessage[]) => (handle as RunHandle).handleRun(messages.map(strip)) });
  }
}
