import { deadLetterTopicOf } from '@pmo/contracts';
import { canHandleRuns, MAX_RUN } from './event-consumer';
import type { EventTransport, ReceivedMessage, Subscription, SubscriptionHandle, TransportMessage } from './transport';
import { partitionOf } from './partitioning';

interface Topic {
  partitions: ReceivedMessage[][];
}

interface GroupCursor {
  subscription: Subscription;
  offsets: Map<string, number[]>;
  closed: boolean;
  // Set by every publish, so a message that lands mid-pass is never slept through.
  signalled: boolean;
  resume: () => void;
}

/**
 * The embedded default: an in-memory log with Kafka's semantics that matter to the platform
 * (topics split in partitions by key, per-partition order, one offset per consumer group,
 * redelivery of a message whose handling failed). Events live as long as the process.
 */
export class InProcessTransport implements EventTransport {
  readonly kind = 'in-process' as const;
  private readonly topics = new Map<string, Topic>();
  private readonly groups = new Map<string, GroupCursor>();

  constructor(private readonly partitions = 6) {}

  async ensureTopics(topics: readonly string[]): Promise<void> {
    for (const name of topics) {
      this.topicNamed(name);
      this.topicNamed(deadLetterTopicOf(name));
    }
  }

  async publish(messages: readonly TransportMessage[]): Promise<void> {
    for (const message of messages) {
      const topic = this.topicNamed(message.topic);
      const partition = partitionOf(message.key, topic.partitions.length);
      const log = topic.partitions[partition];
      log.push({ ...message, headers: { ...message.headers }, partition, offset: String(log.length) });
    }
    for (const group of this.groups.values()) this.wake(group);
  }

  async subscribe(subscription: Subscription): Promise<SubscriptionHandle> {
    if (this.groups.has(subscription.groupId)) throw new Error(`consumer group ${subscription.groupId} already has a subscriber`);
    const offsets = new Map<string, number[]>();
    for (const name of subscription.topics) {
      const topic = this.topicNamed(name);
      offsets.set(
        name,
        topic.partitions.map((log) => (subscription.fromBeginning ? 0 : log.length)),
      );
    }
    const group: GroupCursor = { subscription, offsets, closed: false, signalled: false, resume: () => undefined };
    this.groups.set(subscription.groupId, group);
    const loop = this.consume(group);
    return {
      close: async () => {
        group.closed = true;
        this.wake(group);
        await loop;
        this.groups.delete(subscription.groupId);
      },
    };
  }

  async isHealthy(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    for (const group of this.groups.values()) {
      group.closed = true;
      this.wake(group);
    }
  }

  private wake(group: GroupCursor): void {
    group.signalled = true;
    group.resume();
  }

  /** Messages of a topic, for tests that read a topic from outside (e.g. the dead-letter topic). */
  messagesOf(topic: string): ReceivedMessage[] {
    return this.topicNamed(topic).partitions.flat();
  }

  private topicNamed(name: string): Topic {
    let topic = this.topics.get(name);
    if (!topic) {
      topic = { partitions: Array.from({ length: this.partitions }, () => []) };
      this.topics.set(name, topic);
    }
    return topic;
  }

  // One pass over every partition per wake-up; partitions are independent, as in Kafka.
  private async consume(group: GroupCursor): Promise<void> {
    while (!group.closed) {
      group.signalled = false;
      const work = [...group.offsets.entries()].flatMap(([name, offsets]) => offsets.map((_, partition) => this.drainPartition(group, name, partition)));
      const delivered = (await Promise.all(work)).reduce((a, b) => a + b, 0);
      if (delivered === 0 && !group.signalled && !group.closed) await new Promise<void>((resolve) => (group.resume = resolve));
    }
  }

  private async drainPartition(group: GroupCursor, name: string, partition: number): Promise<number> {
    const log = this.topicNamed(name).partitions[partition];
    const offsets = group.offsets.get(name) as number[];
    let delivered = 0;
    const { handle } = group.subscription;
    while (!group.closed && offsets[partition] < log.length) {
      // Like the Kafka transport: a handler that takes runs gets what is waiting, up to MAX_RUN messages.
      const run = log.slice(offsets[partition], offsets[partition] + (canHandleRuns(handle) ? MAX_RUN : 1));
      try {
        if (canHandleRuns(handle)) await handle.handleRun(run);
        else await handle(run[0]);
        offsets[partition] += run.length;
        delivered += run.length;
      } catch {
        // Not handled: keep the offset and deliver the same message again shortly, as Kafka would.
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    return delivered;
  }
}
