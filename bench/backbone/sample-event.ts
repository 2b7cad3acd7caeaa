import { buildEvent } from '@pmo/contracts';
import { toBinaryMessage, type TransportMessage } from '@pmo/messaging';
import { randomUUID } from 'node:crypto';

/** What the bench registers: a name unique to the run, a description and tags of a typical program. */
export function programInput(prefix: string, index: number): { name: string; description: string; tags: string[] } {
  return {
    name: `${prefix}-${index}`,
    description: 'Move the agency core financial system to a shared-service provider (backbone bench)',
    tags: ['regulated', 'finance'],
  };
}

/** A program.registered message as the relay sends it: same headers (ce_*, content-type), same value size. */
export function sampleProgramMessage(prefix: string, index: number): TransportMessage {
  const programId = randomUUID();
  const event = buildEvent({
    type: 'pmo.program.registered.v1',
    source: '/pmo/program-pmo',
    data: { programId, ...programInput(prefix, index), registeredAt: new Date().toISOString() },
  });
  return toBinaryMessage(event);
}

/** Bytes of key, value and headers: what the broker stores per message, roughly. */
export function messageBytes(message: TransportMessage): number {
  const headerBytes = Object.entries(message.headers).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(value), 0);
  return Buffer.byteLength(message.key) + Buffer.byteLength(message.value) + headerBytes;
}
